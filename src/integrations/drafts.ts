import type { AstroIntegration } from 'astro';

/**
 * Shows draft chapters while authors write (`astro dev`) and leaves them out of every build,
 * whatever NODE_ENV the build happens to run under. Pages read `import.meta.env.SHOW_DRAFTS`.
 */
export function drafts(): AstroIntegration {
  return {
    name: 'playbook-drafts',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.SHOW_DRAFTS': JSON.stringify(command === 'dev') } } });
      },
    },
  };
}
