/**
 * The whole stylesheet, served at /assets/app.css. Colours meet WCAG AA contrast in both themes;
 * the dark theme follows the system (prefers-color-scheme).
 */
export const appStylesheet = `
:root { color-scheme: light dark; --bg: #f6f7f9; --panel: #ffffff; --text: #1b1f24; --muted: #4a5360; --line: #d0d5dc;
  --accent: #0b57d0; --accent-text: #ffffff; --ok: #0d6b35; --warn: #8a5300; --bad: #b3261e; --chip: #e8edf4; --focus: #ff9f1a; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #111418; --panel: #1a1f25; --text: #e8ecf1; --muted: #b3bcc8; --line: #39424d;
    --accent: #8ab4f8; --accent-text: #0b1526; --ok: #6fdc8c; --warn: #f4c267; --bad: #ff8a80; --chip: #27303a; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--text); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--panel); padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: .5rem; }
header.top { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .6rem 1.25rem; background: var(--panel); border-bottom: 1px solid var(--line); }
header.top .brand { font-weight: 700; font-size: 1.1rem; color: var(--text); text-decoration: none; }
header.top nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
header.top nav a { text-decoration: none; padding: .25rem .1rem; }
header.top nav a[aria-current="page"] { font-weight: 700; border-bottom: 3px solid var(--accent); }
header.top .who { margin-left: auto; display: flex; gap: .75rem; align-items: center; color: var(--muted); }
main { max-width: 1200px; margin: 0 auto; padding: 1.25rem; }
h1 { font-size: 1.6rem; margin: .25rem 0 1rem; } h2 { font-size: 1.2rem; margin: 0 0 .75rem; } h3 { font-size: 1rem; margin: .75rem 0 .5rem; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; margin-bottom: 1rem; }
.grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); }
.grid-wide { display: grid; gap: 1rem; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); }
@media (max-width: 800px) { .grid-wide { grid-template-columns: 1fr; } main { padding: .75rem; } }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
.table-scroll { overflow-x: auto; }
.muted { color: var(--muted); }
.chip { display: inline-block; padding: .05rem .55rem; border-radius: 999px; background: var(--chip); font-size: .85rem; white-space: nowrap; }
.chip.bad { color: var(--bad); font-weight: 600; } .chip.warn { color: var(--warn); font-weight: 600; } .chip.ok { color: var(--ok); font-weight: 600; }
form.stack { display: grid; gap: .6rem; }
form.inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
label { display: grid; gap: .2rem; font-weight: 600; font-size: .92rem; }
label.check { display: flex; gap: .4rem; align-items: center; font-weight: 400; }
input, select, textarea { font: inherit; color: var(--text); background: var(--bg); border: 1px solid var(--muted); border-radius: 6px; padding: .4rem .55rem; min-height: 2.4rem; }
textarea { min-height: 5rem; }
input[type="radio"], input[type="checkbox"] { min-height: auto; width: 1.15rem; height: 1.15rem; accent-color: var(--accent); }
fieldset { border: 1px solid var(--line); border-radius: 8px; display: flex; flex-wrap: wrap; gap: .35rem 1.25rem; padding: .5rem .8rem; margin: 0; }
legend { font-weight: 600; font-size: .92rem; padding: 0 .3rem; }
kbd { font: .85em ui-monospace, monospace; border: 1px solid var(--muted); border-radius: 4px; padding: 0 .3rem; }
button, .button { font: inherit; font-weight: 600; cursor: pointer; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: var(--accent-text); padding: .45rem 1rem; min-height: 2.4rem; text-decoration: none; display: inline-block; }
button.secondary { background: transparent; color: var(--accent); }
.flash { padding: .7rem 1rem; border-radius: 8px; margin-bottom: 1rem; border: 1px solid var(--line); background: var(--panel); }
.flash.error { border-color: var(--bad); color: var(--bad); }
.flash.ok { border-color: var(--ok); color: var(--ok); }
.stat { font-size: 2rem; font-weight: 700; }
.stats { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); }
.bar-row { display: grid; grid-template-columns: 9rem 1fr 3rem; gap: .5rem; align-items: center; }
.bar { height: .8rem; background: var(--accent); border-radius: 4px; min-width: 2px; }
.chart-legend { display: flex; flex-wrap: wrap; gap: .2rem 1rem; list-style: none; margin: 0 0 .4rem; padding: 0; font-size: .9rem; color: var(--muted); }
.swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px; margin-right: .35rem; vertical-align: -.1rem; }
.swatch-line { height: .25rem; vertical-align: .2rem; background: var(--accent); } .swatch-count { background: var(--muted); }
.swatch-met { background: var(--ok); } .swatch-breached { background: repeating-linear-gradient(45deg, var(--bad) 0 3px, var(--panel) 3px 4.5px); }
.chart-svg { display: block; overflow: visible; } .chart-svg text { fill: var(--muted); font-size: .75rem; }
.chart-grid { stroke: var(--line); stroke-width: 1; } .chart-line { stroke: var(--accent); stroke-width: 2.5; }
.chart-point { fill: var(--accent); stroke: var(--panel); stroke-width: 2; } .chart-count { fill: var(--muted); }
.chart-met { fill: var(--ok); } .chart-breached { fill: var(--bad); } .chart-hatch { stroke: var(--panel); stroke-width: 1.5; }
.chart-data { margin-top: .5rem; } .chart-data summary { cursor: pointer; color: var(--accent); font-size: .9rem; }
.timeline { list-style: none; margin: 0; padding: 0; }
.timeline li { border-left: 3px solid var(--line); padding: .2rem 0 .6rem .8rem; }
.timeline li.note-customer { border-left-color: var(--ok); } .timeline li.note-internal { border-left-color: var(--warn); }
details.action { border: 1px solid var(--line); border-radius: 8px; padding: .4rem .8rem; margin-bottom: .5rem; }
details.action summary { cursor: pointer; font-weight: 600; }
.login-card { max-width: 440px; margin: 3rem auto; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; } dl.facts dt { color: var(--muted); }
pre.json { white-space: pre-wrap; word-break: break-word; font-size: .85rem; max-height: 24rem; overflow: auto; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.bulk-grid { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); align-items: start; }
.bulk-grid fieldset { display: grid; gap: .5rem; }
.assign-board { display: grid; gap: 1rem; grid-template-columns: minmax(0, 3fr) minmax(200px, 1fr); align-items: start; }
@media (max-width: 800px) { .assign-board { grid-template-columns: 1fr; } }
tr[draggable="true"] { cursor: grab; } tr.dragging { opacity: .55; }
.drag-grip { color: var(--muted); margin-right: .4rem; user-select: none; }
.drop-agents ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .4rem; }
.drop-agents li { border: 2px dashed var(--line); border-radius: 8px; padding: .45rem .6rem; }
body.is-dragging-case .drop-agents li { border-color: var(--accent); }
.drop-agents li.drop-over { background: var(--chip); border-style: solid; border-color: var(--focus); }
.drop-agents li[data-availability="offline"] strong { color: var(--muted); }
form.edit-entry { display: grid; gap: .6rem; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); align-items: start; }
form.edit-entry .wide { grid-column: 1 / -1; }
`;
