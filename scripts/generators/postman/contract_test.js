// Collection-level test, run after every request: the response's status is one the spec
// documents for this operation, its Content-Type is a documented one, and its JSON body
// validates against the documented schema. CONTRACT is embedded by
// scripts/generators/postman_collection.py from spec/openapi.yaml (schemas converted from
// OpenAPI 3.0 to JSON Schema draft-07, which the sandbox's Ajv 6 understands).
const CONTRACT = __CONTRACT__;

const Ajv = require('ajv');
const ajv = new Ajv({ allErrors: true, unknownFormats: 'ignore' });
ajv.addSchema(CONTRACT.schemas, CONTRACT.schemasId);

const method = pm.request.method;
const path = pm.request.url.getPath();
const label = `${method} ${path} → ${pm.response.code}`;

// The most specific template wins (most literal segments), e.g. /models/{name}/versions
// over anything with more parameters.
const operation = CONTRACT.operations.find(
  (op) => op.method === method && new RegExp(op.pathRegex).test(path)
);

pm.test(`[contract] ${method} ${path} is an operation of the spec`, () => {
  pm.expect(operation, 'no operation of the spec matches').to.be.an('object');
});

if (operation) {
  const code = pm.response.code;
  const documented = operation.responses[String(code)] ||
    (code >= 400 ? operation.responses.default : undefined);

  pm.test(`[contract] ${label}: status documented for ${operation.operationId}`, () => {
    pm.expect(documented, `documented: ${Object.keys(operation.responses).join(', ')}`)
      .to.be.an('object');
  });

  if (documented) {
    const contentType = (pm.response.headers.get('Content-Type') || '').split(';')[0].trim();
    const bodyText = pm.response.text();
    const media = documented.content[contentType];

    if (Object.keys(documented.content).length === 0) {
      pm.test(`[contract] ${label}: no body, as documented`, () => {
        pm.expect(bodyText).to.equal('');
      });
    } else {
      pm.test(`[contract] ${label}: Content-Type documented`, () => {
        pm.expect(Object.keys(documented.content)).to.include(contentType);
      });
      // Only JSON bodies are validated (an invocation may answer text or bytes).
      if (media && media.schema && /json$/.test(contentType)) {
        pm.test(`[contract] ${label}: body matches the documented schema`, () => {
          const validate = ajv.compile(media.schema);
          const valid = validate(JSON.parse(bodyText));
          pm.expect(valid, ajv.errorsText(validate.errors)).to.equal(true);
        });
      }
    }
  }
}
