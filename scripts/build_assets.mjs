// Builds the two stylesheets every page links, under var/assets/bundle (served by Django's
// staticfiles as "bundle/…"; nothing built is committed):
//   designsystemet.css  Designsystemet and its theme, from node_modules
//   portal.css          the portal's own CSS: static/css/*.css and every app's static CSS,
//                       with files named *print*.css wrapped in @media print
// Two files instead of six to ten: each extra <link> in <head> blocks the first paint.
// A page's CSS reaches it through the one cached portal.css, so templates link no CSS of
// their own. Both files are plain concatenations, so no tool beyond Node is needed.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const out = join(root, "var", "assets", "bundle");

const vendor = [
  "node_modules/@digdir/designsystemet-css/dist/src/index.css",
  "node_modules/@digdir/designsystemet-theme/brand/digdir.css",
];

// The portal's own files: portal.css first (the layout the others build on), then the rest of
// static/css, then each app's static CSS, sorted so the order is the same on every machine.
const APP_DIRS = ["portal", "home", "htm", "network", "search"];
// The two-factor pages wear the Wagtail admin's look and link their own file.
const SKIP = new Set(["node_modules", "templates", "migrations", "__pycache__", "twofactor"]);

function cssUnder(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP.has(name)) found.push(...cssUnder(path));
    } else if (name.endsWith(".css")) {
      found.push(path);
    }
  }
  return found;
}

function appStaticCss(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory() || SKIP.has(name)) continue;
    found.push(...(name === "static" ? cssUnder(path) : appStaticCss(path)));
  }
  return found;
}

// static/css/responsive/ comes last: the phone layout, the menu and the WCAG 2.2 rules apply
// across every app's pages and must win over an app's rule of the same weight.
const first = ["static/css/portal.css", "static/css/print.css"].map((p) => join(root, p));
const last = cssUnder(join(root, "static/css/responsive"));
const own = [
  ...first,
  ...cssUnder(join(root, "static/css")).filter((p) => !first.includes(p) && !last.includes(p)),
  ...APP_DIRS.flatMap((app) => appStaticCss(join(root, app))),
  ...last,
];
const isPrint = (path) => /print[^/]*\.css$/.test(path);

function section(path) {
  const name = relative(root, path);
  const css = readFileSync(path, "utf8").trim();
  if (/@import\b/.test(css)) {
    throw new Error(`${name}: @import cannot be bundled; put the rules in the file`);
  }
  return isPrint(path)
    ? `/* ${name} */\n@media print {\n${css}\n}\n`
    : `/* ${name} */\n${css}\n`;
}

function write(name, paths) {
  const css = paths.map(section).join("\n");
  writeFileSync(join(out, name), css);
  console.log(`built var/assets/bundle/${name} (${paths.length} files, ${css.length} bytes)`);
}

mkdirSync(out, { recursive: true });
write(
  "designsystemet.css",
  vendor.map((p) => join(root, p)),
);
// Screen rules first and print rules last, so print overrides them as it did as its own file.
write("portal.css", [...own.filter((p) => !isPrint(p)), ...own.filter(isPrint)]);
