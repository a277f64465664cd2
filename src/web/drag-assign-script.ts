/**
 * Drag-and-drop assignment on the supervisor desk, served in /assets/app.js. Progressive
 * enhancement: every unassigned case already has a one-click form (agent + Assign) that works by
 * keyboard and without scripts; dropping a case on an agent card fills that same form and posts
 * it. Listeners sit on the document because the live refresh redraws the board; while a case is
 * being dragged or an agent chosen in a one-click form, the refresh waits (`body[data-live-hold]`),
 * or the gesture would lose its elements and the choice its value.
 */
export const dragAssignScript = `
(function () {
  if (!('draggable' in document.createElement('span'))) return;
  function reveal() { document.querySelectorAll('[data-drag-only][hidden]').forEach(function (element) { element.hidden = false; }); }
  new MutationObserver(reveal).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', reveal);
  function hold() { document.body.setAttribute('data-live-hold', ''); }
  function release() {
    if (!document.body.hasAttribute('data-live-hold')) return;
    document.body.removeAttribute('data-live-hold');
    document.dispatchEvent(new Event('live:release'));
  }
  function isInAssignForm(element) { return !!(element && element.closest && element.closest('form[data-assign-case]')); }
  // Pressing on a row may start a drag: hold from the press, so the row is still there when the drag begins.
  document.addEventListener('pointerdown', function (event) { if (event.target && event.target.closest && event.target.closest('[data-drag-case]')) hold(); });
  document.addEventListener('pointerup', function () { if (!isInAssignForm(document.activeElement)) release(); });
  document.addEventListener('focusin', function (event) { if (isInAssignForm(event.target)) hold(); });
  document.addEventListener('focusout', function (event) { if (!isInAssignForm(event.relatedTarget)) release(); });
  function dropTargetOf(event) { return event.target && event.target.closest ? event.target.closest('[data-drop-agent]') : null; }
  document.addEventListener('dragstart', function (event) {
    var row = event.target && event.target.closest ? event.target.closest('[data-drag-case]') : null;
    if (!row) return;
    event.dataTransfer.setData('text/plain', row.getAttribute('data-drag-case'));
    event.dataTransfer.effectAllowed = 'move';
    hold();
    row.classList.add('dragging');
    document.body.classList.add('is-dragging-case');
  });
  document.addEventListener('dragend', function (event) {
    var row = event.target && event.target.closest ? event.target.closest('[data-drag-case]') : null;
    if (row) row.classList.remove('dragging');
    document.body.classList.remove('is-dragging-case');
    if (!document.body.hasAttribute('data-assigning')) release();
  });
  document.addEventListener('dragover', function (event) {
    var target = dropTargetOf(event);
    if (!target) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    target.classList.add('drop-over');
  });
  document.addEventListener('dragleave', function (event) {
    var target = dropTargetOf(event);
    if (target && !target.contains(event.relatedTarget)) target.classList.remove('drop-over');
  });
  document.addEventListener('drop', function (event) {
    var target = dropTargetOf(event);
    if (!target) return;
    event.preventDefault();
    target.classList.remove('drop-over');
    var caseId = event.dataTransfer.getData('text/plain');
    var form = document.querySelector('form[data-assign-case="' + caseId + '"]');
    var select = form && form.querySelector('select[name="assigneeId"]');
    if (!select) return;
    select.value = target.getAttribute('data-drop-agent');
    if (select.value !== target.getAttribute('data-drop-agent')) return;
    target.setAttribute('aria-busy', 'true');
    // The page is about to go: keep the board as it is until then.
    document.body.setAttribute('data-assigning', '');
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  });
})();
`;
