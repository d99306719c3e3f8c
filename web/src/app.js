// app.js: placeholder until the dashboard is built: shows the headline counts.
const res = await fetch('/v1/stats');
const stats = await res.json();
document.querySelector('#app p').textContent =
  `${stats.counts.meetings} meetings, ${stats.counts.figures} figures, ` +
  `${stats.counts.border_gate_projects} border gate projects, ${stats.counts.protocols} protocols`;
