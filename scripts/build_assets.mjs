// Copies the Designsystemet stylesheets from node_modules into var/assets/vendor,
// which Django's staticfiles serves as "vendor/…". Nothing built is committed.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const out = join(root, "var", "assets", "vendor");
const files = {
  "designsystemet.css": "node_modules/@digdir/designsystemet-css/dist/src/index.css",
  "theme-digdir.css": "node_modules/@digdir/designsystemet-theme/brand/digdir.css",
};

mkdirSync(out, { recursive: true });
for (const [name, source] of Object.entries(files)) {
  copyFileSync(join(root, source), join(out, name));
  console.log(`built var/assets/vendor/${name}`);
}
