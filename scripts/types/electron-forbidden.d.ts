// The core (main/) runs in plain Node and must never import Electron (docs/design/ARCHITECTURE.md §4, "Rules that keep
// it livable"). tsconfig.json maps the module name `electron` here, so any named import fails to type-check.
export {};
