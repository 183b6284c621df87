import type { OptionSpec } from './args/parse.js';
import type { Command } from './commands/command.js';

function optionLabel(o: OptionSpec): string {
  const long = `--${o.name}${o.value ? ` ${o.value}` : ''}`;
  return o.short ? `-${o.short}, ${long}` : `    ${long}`;
}

/** Lines `  label   text`, with the text column aligned and wrapped at `width`. */
function table(rows: [string, string][], width = 100): string[] {
  const col = Math.min(28, Math.max(...rows.map(([l]) => l.length)) + 2);
  const out: string[] = [];
  for (const [label, text] of rows) {
    const words = text.split(' ');
    let line = `  ${label.padEnd(col)}`;
    if (label.length >= col) {
      out.push(`  ${label}`);
      line = `  ${''.padEnd(col)}`;
    }
    let first = true;
    for (const w of words) {
      if (!first && line.length + 1 + w.length > width) {
        out.push(line);
        line = `  ${''.padEnd(col)}${w}`;
      } else {
        line += first ? w : ` ${w}`;
      }
      first = false;
    }
    out.push(line);
  }
  return out;
}

/** `salkit <command> --help`. */
export function commandHelp(cmd: Command): string {
  const lines: string[] = [];
  lines.push(...cmd.usage.map((u, i) => `${i === 0 ? 'Usage: ' : '       '}salkit ${u}`), '');
  lines.push(...cmd.description, '');
  for (const g of cmd.groups) {
    lines.push(`${g.title}:`);
    lines.push(
      ...table(
        g.options.map((o) => [optionLabel(o), o.defaultText ? `${o.help} (default: ${o.defaultText})` : o.help]),
      ),
    );
    if (g.notes) lines.push(...g.notes.map((n) => `      ${n}`));
    lines.push('');
  }
  if (cmd.examples.length > 0) {
    lines.push('Examples:', ...cmd.examples.map((e) => `  ${e}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** `salkit --help`. */
export function mainHelp(commands: readonly Command[], version: string): string {
  return `${[
    `salkit ${version}: saliency maps that show what black-box image models look at`,
    '',
    'Usage: salkit <command> [arguments] [options]',
    '',
    'Commands:',
    ...table(commands.map((c) => [c.name, c.summary])),
    '',
    'Options:',
    ...table([
      ['-h, --help', 'show this help (salkit <command> --help: the options of a command)'],
      ['-V, --version', 'print the version'],
    ]),
    '',
    'With no image, explain and detect use a demo photo shipped with face-api, and the face',
    'models run on TensorFlow.js (wasm) from the installed package files: no network needed.',
    'Results go to ./salkit-out (--out DIR): PNG overlays, a grid, summary.json, config.json.',
    'Exit codes: 0 done, 1 failed, 2 bad command line, 130 interrupted (Ctrl-C; nothing written).',
  ].join('\n')}\n`;
}
