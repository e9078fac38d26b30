"""`python -m mlm_client.cli …`: the people's commands without the server package."""

from .app import main

main()
