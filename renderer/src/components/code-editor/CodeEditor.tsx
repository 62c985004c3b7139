import { useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';

type MonacoModule = typeof import('./monaco-setup');
let loading: Promise<MonacoModule> | null = null;
/** Monaco is loaded on first use (its own chunk), so views without an editor stay light. */
const loadMonaco = () => (loading ??= import('./monaco-setup'));

/** A Monaco editor for prompt templates. `value` is the starting text, applied again whenever `revision`
 * changes (a version picked from the list, a revert); edits are reported through onChange. */
export function CodeEditor({ value, revision, onChange, ariaLabel, height = 420, readOnly = false }: {
  value: string;
  revision: number;
  onChange(text: string): void;
  ariaLabel: string;
  height?: number;
  readOnly?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const latest = useRef(value);
  latest.current = value;
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    loadMonaco().then(({ monaco, PROMPT_LANGUAGE }) => {
      if (disposed || !host.current) return;
      const instance = monaco.editor.create(host.current, {
        value: latest.current,
        language: PROMPT_LANGUAGE,
        ariaLabel,
        readOnly,
        automaticLayout: true,
        minimap: { enabled: false },
        wordWrap: 'on',
        lineNumbers: 'on',
        scrollBeyondLastLine: false,
        fontSize: 13,
        // Tab moves the focus on, as everywhere else in the app, instead of typing a tab character: an editor that
        // keeps Tab is a keyboard trap (WCAG 2.1.2). Prompt texts are indented with spaces.
        tabFocusMode: true,
        // The last line's number in full ink: 'dimmed' draws it at 1.75:1 contrast (WCAG 1.4.3).
        renderFinalNewline: 'on',
      });
      instance.onDidChangeModelContent(() => changed.current(instance.getValue()));
      editor.current = instance;
    }, (err: Error) => setError(`The editor failed to load: ${err.message}`));
    return () => {
      disposed = true;
      editor.current?.dispose();
      editor.current = null;
    };
    // Created once; value and options are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Only a new revision replaces the text: echoes of the user's own typing arrive renders late, and writing
  // them back would undo keystrokes and move the cursor.
  useEffect(() => {
    const instance = editor.current;
    if (instance && instance.getValue() !== latest.current) instance.setValue(latest.current);
  }, [revision]);

  useEffect(() => {
    editor.current?.updateOptions({ readOnly });
  }, [readOnly]);

  if (error) return <p role="alert" className="error">{error}</p>;
  return <div className="code-editor" ref={host} style={{ height }} data-testid="code-editor" />;
}
