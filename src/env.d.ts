interface ImportMetaEnv {
  /** True under `astro dev`, where draft chapters are shown; false in every build. */
  readonly SHOW_DRAFTS?: boolean;
}
