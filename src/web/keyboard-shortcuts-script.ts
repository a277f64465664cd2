/**
 * Keyboard shortcuts for the frequent actions, served with the live-update script:
 * `/` focuses the page's search box, `n` the note field of a case. Keys typed into a field are
 * left alone, so the shortcuts never steal text.
 */
export const keyboardShortcutsScript = `
(function () {
  var targets = { '/': 'input[type="search"]', 'n': '#note-body' };
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (active && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA' || active.tagName === 'SELECT' || active.isContentEditable)) return;
    var selector = targets[event.key];
    var target = selector && document.querySelector(selector);
    if (!target) return;
    var details = target.closest('details');
    if (details) details.open = true;
    event.preventDefault();
    target.focus();
  });
})();
`;
