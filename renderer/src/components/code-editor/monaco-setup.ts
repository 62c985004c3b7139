// Monaco, bundled locally by Vite (no CDN): the core editor API only (no bundled languages), its one web
// worker emitted as a same-origin file (the CSPs allow workers from 'self' and blob:), and a small language
// for prompt templates: {{slot}} placeholders and the [system] / [user] section lines.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/find/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export const PROMPT_LANGUAGE = 'mira-prompt';

monaco.languages.register({ id: PROMPT_LANGUAGE });
monaco.languages.setMonarchTokensProvider(PROMPT_LANGUAGE, {
  tokenizer: {
    root: [
      [/^\[(system|user)\]\s*$/, 'keyword'],
      [/\{\{\s*[\w.-]+\s*\}\}/, 'variable'],
      [/^#+ .*$/, 'type'],
    ],
  },
});

export { monaco };
