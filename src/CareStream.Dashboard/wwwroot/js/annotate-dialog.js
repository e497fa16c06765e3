// The annotate dialog: true positive / false positive / non-actionable, and an optional note. Resolves with the
// choice, or null when cancelled (Esc, Cancel). Focus returns to the button that opened it.

export class AnnotateDialog {
  constructor(dialog) {
    this.dialog = dialog;
    this.form = dialog.querySelector('form');
    this.subject = dialog.querySelector('#annotate-subject');
    this.resolve = null;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(this.form);
      this.finish({ assessment: data.get('assessment'), note: String(data.get('note') ?? '').trim() });
    });
    dialog.querySelector('[data-cancel]').addEventListener('click', () => this.finish(null));
    dialog.addEventListener('close', () => this.finish(null));
  }

  open(subject, returnFocus) {
    this.finish(null);
    this.form.reset();
    this.subject.textContent = subject;
    this.returnFocus = returnFocus;
    this.dialog.showModal();
    return new Promise((resolve) => { this.resolve = resolve; });
  }

  finish(result) {
    const resolve = this.resolve;
    this.resolve = null;
    if (this.dialog.open) this.dialog.close();
    if (resolve) {
      this.returnFocus?.focus();
      resolve(result);
    }
  }
}
