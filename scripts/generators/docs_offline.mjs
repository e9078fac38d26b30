// Makes the reference built by `redocly build-docs --inlineBundle` (argv[2], in place)
// work opened from disk with no network:
// - the "API docs by" badge loads Redocly's logo from a CDN: it gets an inline image;
// - from file://, the sidebar's root-relative links (href="/models") would point at
//   file:///models; the reference routes by hash there (#/models), so they are rewritten
//   to that, also when the page renders them again.
import { readFileSync, writeFileSync } from "node:fs";

const path = process.argv[2];
let html = readFileSync(path, "utf8");
const blank = "data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E";
for (const logo of ["logo-mini-full.svg", "logo-mini.svg"]) {
  html = html.split(`https://cdn.redoc.ly/redoc/${logo}`).join(blank);
}
const script = `<script>
(function () {
  if (location.protocol !== "file:") return;
  function fix() {
    document.querySelectorAll('a[href^="/"]').forEach(function (a) {
      a.setAttribute("href", "#" + a.getAttribute("href"));
    });
  }
  fix();
  new MutationObserver(fix).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["href"]
  });
})();
</script>
`;
if (!html.includes("</body>")) throw new Error(`${path}: no </body> to put the link fix before`);
const at = html.lastIndexOf("</body>");
html = html.slice(0, at) + script + html.slice(at);
if (/https:\/\/cdn\.redoc(ly)?\.(ly|com)\/redoc\//.test(html)) {
  throw new Error(`${path} still loads Redoc from a CDN`);
}
writeFileSync(path, html);
