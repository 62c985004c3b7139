// The core (main/) runs in plain Node and must never import Electron (ARCHITECTURE.md, "Rules that keep
// it livable"). tsconfig.json maps the module name `electron` here, so any named import fails to type-check.
export {};
