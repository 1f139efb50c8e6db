/**
 * Opens the browser's print dialog; the page's print stylesheet leaves only what is for paper.
 * With `paper`, the page is laid out for that sheet (app.css: the named pages a4 and a5).
 */
export function PrintButton({ label, paper }: { label: string; paper?: 'a4' | 'a5' }) {
  return (
    <button
      type="button"
      className="button button--secondary no-print"
      onClick={() => {
        if (paper) document.documentElement.dataset.paper = paper;
        window.print();
      }}
    >
      {label}
    </button>
  );
}
