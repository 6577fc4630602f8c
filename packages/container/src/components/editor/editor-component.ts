/**
 * `editor`, loaded on first use: a rich-text field (contenteditable) whose content only ever
 * holds what the rich-text sanitiser lets through (what is set, pasted or read back), with the
 * events `ready`/`focus`/`blur`/`input`/`statuschange` and the `EditorContext` methods.
 */
import type { BuiltinContext } from '../../view/index.ts';
import { answerContext } from '../component-context.ts';
import { stringAttr } from '../form-field.ts';
import { defineLazyComponent, type LazyComponent } from '../lazy-component.ts';
import { renderRichText } from '../rich-text-sanitiser.ts';

/** `format(name)` → the browser's editing command. */
const COMMANDS: Record<string, string> = {
  bold: 'bold',
  italic: 'italic',
  underline: 'underline',
  strike: 'strikeThrough',
  ins: 'underline',
  script: 'superscript',
  header: 'formatBlock',
  align: 'justify',
  list: 'insertList',
  color: 'foreColor',
  backgroundColor: 'hiliteColor',
};

class EditorField {
  private readonly history: string[] = [];
  private at = -1;

  constructor(
    readonly element: HTMLElement,
    private readonly ctx: BuiltinContext,
  ) {
    element.contentEditable = 'true';
    element.setAttribute('role', 'textbox');
    element.setAttribute('aria-multiline', 'true');
    element.addEventListener('focus', () => ctx.emit('focus', this.contents()));
    element.addEventListener('blur', () => ctx.emit('blur', this.contents()));
    element.addEventListener('input', () => this.changed());
    element.addEventListener('paste', (event) => {
      // Pasted markup goes through the sanitiser like everything else.
      event.preventDefault();
      const html = event.clipboardData?.getData('text/html');
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (html) this.insertHtml(html);
      else this.document().execCommand('insertText', false, text);
    });
    element.addEventListener('keydown', (event) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.key.toLowerCase() !== 'z') return;
      event.preventDefault();
      if (event.shiftKey) this.redo();
      else this.undo();
    });
    this.remember();
  }

  document(): Document {
    return this.element.ownerDocument;
  }

  contents(): { html: string; text: string; delta: { ops: { insert: string }[] } } {
    // biome-ignore lint/performance/useDomNodeTextContent: the text keeps the editor's line breaks, as the platforms' getContents does
    const text = this.element.innerText;
    return { html: this.element.innerHTML, text, delta: { ops: [{ insert: text }] } };
  }

  setHtml(html: unknown): void {
    renderRichText(this.document(), this.element, typeof html === 'string' ? html : '');
    this.changed();
  }

  insertHtml(html: string): void {
    const holder = this.document().createElement('div');
    renderRichText(this.document(), holder, html);
    this.placeCaret();
    this.document().execCommand('insertHTML', false, holder.innerHTML);
  }

  insertText(text: string): void {
    this.placeCaret();
    this.document().execCommand('insertText', false, text);
  }

  format(name: string, value: unknown): void {
    const command = COMMANDS[name];
    if (!command) throw new Error(`format:fail unknown format ${name}`);
    this.placeCaret();
    const doc = this.document();
    if (name === 'header') doc.execCommand('formatBlock', false, `h${Number(value) || 1}`);
    else if (name === 'list')
      doc.execCommand(value === 'ordered' ? 'insertOrderedList' : 'insertUnorderedList');
    else if (name === 'align')
      doc.execCommand(
        `justify${value === 'center' ? 'Center' : value === 'right' ? 'Right' : value === 'justify' ? 'Full' : 'Left'}`,
      );
    else if (value !== undefined && value !== true) doc.execCommand(command, false, String(value));
    else doc.execCommand(command);
    this.changed();
  }

  undo(): void {
    if (this.at <= 0) return;
    this.at -= 1;
    this.restore();
  }

  redo(): void {
    if (this.at >= this.history.length - 1) return;
    this.at += 1;
    this.restore();
  }

  /** Keeps the caret in the editor so a command from the logic edits this field. */
  private placeCaret(): void {
    const selection = this.document().getSelection();
    if (selection && this.element.contains(selection.anchorNode)) return;
    this.element.focus();
    const range = this.document().createRange();
    range.selectNodeContents(this.element);
    range.collapse(false);
    selection?.removeAllRanges();
    selection?.addRange(range);
  }

  private restore(): void {
    renderRichText(this.document(), this.element, this.history[this.at] ?? '');
    this.emitInput();
  }

  private remember(): void {
    const html = this.element.innerHTML;
    if (this.history[this.at] === html) return;
    this.history.splice(this.at + 1);
    this.history.push(html);
    this.at = this.history.length - 1;
  }

  private changed(): void {
    this.remember();
    this.emitInput();
  }

  private emitInput(): void {
    this.element.toggleAttribute('data-empty', this.element.textContent === '');
    this.ctx.emit('input', this.contents());
  }
}

const fields = new WeakMap<Element, EditorField>();

const editor: LazyComponent = {
  mount(element, ctx) {
    const field = new EditorField(element, ctx);
    fields.set(element, field);
    answerContext(element, {
      setContents: ({ html }) => field.setHtml(html),
      getContents: () => field.contents(),
      insertText: ({ text }) => field.insertText(stringAttr(text)),
      format: ({ name, value }) => field.format(stringAttr(name), value),
      removeFormat: () => field.format('removeFormat', undefined),
      clear: () => field.setHtml(''),
      undo: () => field.undo(),
      redo: () => field.redo(),
      blur: () => element.blur(),
      getSelectionText: () => ({ text: element.ownerDocument.getSelection()?.toString() ?? '' }),
      insertDivider: () => field.insertHtml('<hr>'),
    });
    ctx.emit('ready', {});
  },
  update(element, attrs) {
    const field = fields.get(element);
    if (!field) return;
    element.contentEditable = attrs['read-only'] === true || attrs['read-only'] === 'true' ? 'false' : 'true';
    element.setAttribute('aria-readonly', String(element.contentEditable === 'false'));
    element.setAttribute('data-placeholder', stringAttr(attrs.placeholder));
    element.setAttribute('aria-placeholder', stringAttr(attrs.placeholder));
    element.toggleAttribute('data-empty', element.textContent === '');
  },
};

COMMANDS.removeFormat = 'removeFormat';
defineLazyComponent('editor', editor);
