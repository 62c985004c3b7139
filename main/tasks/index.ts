// Task model and loaders (docs/design/ARCHITECTURE.md §3): WebArena(-Lite) configs and site profiles.
export * from './site-profile';
export * from './webarena-config';
export {
  loadWebArenaTasks,
  loginNeedOf,
  parseWebArenaJson,
  startUrlsOf,
  summariseBySite,
  type LoadError,
  type LoadOptions,
  type LoadResult,
  type LoginNeed,
  type WebArenaVariant,
} from './webarena-loader';
