# Sourced by generate.sh and check_generated.sh: every generated artifact, as
# "<path relative to the repo>|<generator script in scripts/generators, called with the output path>".
# Add the TypeScript client, the Postman collection and the API docs here.
GENERATED_ARTIFACTS=(
  "clients/python/mlm_client/_generated|python_client.sh"
  "clients/python/mlm_client/sync_client.py|python_sync_client.sh"
  "postman|postman.sh"
  "docs/index.html|docs.sh"
  "clients/typescript/src/generated|typescript_client.sh"
)
