/**
 * A small page the runtime serves until the web app (apps/web) is built: it shows the
 * labs and their live events, and gives the presenter the basic controls. Plain HTML and
 * the socket.io client the runtime itself serves.
 */
export const STATUS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sockscope live lab</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
*{box-sizing:border-box}
body{font:15px/1.4 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#1d2330;color:#fff;padding:10px 18px;display:flex;gap:16px;align-items:baseline}
header h1{font-size:18px;margin:0} #role{font-size:13px;opacity:.8}
main{display:grid;grid-template-columns:360px minmax(0,1fr);gap:14px;padding:14px}
section{background:#fff;border:1px solid #d8dce3;border-radius:6px;padding:10px 12px}
h2{font-size:14px;margin:0 0 8px;text-transform:uppercase;letter-spacing:.04em;color:#555}
label{display:block;font-size:13px;margin:6px 0 2px} select,input{width:100%;padding:4px;font:inherit}
button{margin:6px 6px 0 0;padding:5px 10px;font:inherit;cursor:pointer} .lab{border-top:1px solid #eee;padding:8px 0}
.mro{font-family:ui-monospace,monospace;font-size:13px} code{background:#eef1f5;padding:1px 4px;border-radius:3px}
#log{font-family:ui-monospace,monospace;font-size:12.5px;height:70vh;overflow:auto;white-space:pre;background:#fbfbfc}
.presenter-only{display:none} body.presenter .presenter-only{display:block} #err{color:#b00020;font-size:13px}
</style></head><body>
<header><h1>sockscope live lab</h1><span id="role">connecting…</span>
<span style="margin-left:auto;font-size:13px;opacity:.8">The full visualizer arrives with the web app; this page shows the raw live trace.</span></header>
<main><div>
<section class="presenter-only"><h2>New lab</h2>
<label>Server class<select id="server"></select></label>
<label>…or bases, in order (an MRO playground)<input id="bases" placeholder="e.g. TCPServer, ThreadingMixIn"></label>
<label>Handler<select id="handler"></select></label>
<button id="create">Create &amp; serve_forever</button><div id="err"></div></section>
<section><h2>Labs</h2><div id="labs">none yet</div></section>
<section><h2>Recordings</h2><div id="recs">none yet</div></section></div>
<section><h2>Events</h2><div id="log"></div></section></main>
<script src="/socket.io/socket.io.js"></script>
<script>
const token = new URLSearchParams(location.search).get('token') || '';
const socket = io({ auth: { token } });
const $ = (id) => document.getElementById(id);
const classes = ['TCPServer','ThreadingTCPServer','ForkingTCPServer','UDPServer','ThreadingUDPServer','ForkingUDPServer','UnixStreamServer','ThreadingUnixStreamServer','ForkingUnixStreamServer','UnixDatagramServer','ThreadingUnixDatagramServer','ForkingUnixDatagramServer'];
const handlers = ['echo','upper','slow_echo','crash','stream_echo','dgram_echo','dgram_crash','file_transfer'];
$('server').innerHTML = classes.map((c) => '<option>' + c + '</option>').join('');
$('handler').innerHTML = handlers.map((h) => '<option>' + h + '</option>').join('');
$('server').value = 'ThreadingTCPServer'; $('handler').value = 'slow_echo';
const labs = new Map(); const steps = new Map(); const lines = [];
function line(e) {
  const what = e.kind === 'call' || e.kind === 'return' || e.kind === 'exception' ? e.kind + ' ' + e.cls + '.' + e.method : e.kind +
    (e.preview ? ' ' + e.preview : '') + (e.child_name ? ' ' + e.child_name : '') + (e.text ? ' ' + e.text.trim() : '');
  return String(e.seq).padStart(6) + '  ' + (e.pid + ':' + e.thread).padEnd(40) + what;
}
function addEvents(events) {
  for (const e of events) lines.push(line(e));
  if (lines.length > 2000) lines.splice(0, lines.length - 2000);
  const log = $('log'); const atEnd = log.scrollTop + log.clientHeight >= log.scrollHeight - 20;
  log.textContent = lines.join('\\n'); if (atEnd) log.scrollTop = log.scrollHeight;
}
function ask(name, req) { return new Promise((r) => socket.emit(name, req, (reply) => { if (!reply.ok) $('err').textContent = reply.error; else $('err').textContent = ''; r(reply); })); }
function renderLabs() {
  $('labs').innerHTML = [...labs.values()].map((l) => {
    const st = steps.get(l.id); const cmd = l.external_commands[0] ? l.external_commands[0].command : '';
    return '<div class="lab"><b>' + l.id + '</b> ' + l.server_class + ' + ' + l.handler_class + ' — <i>' + l.state + '</i>' +
      (st ? ' · ' + st.mode + (st.held ? ' at #' + st.held.seq : '') : '') +
      '<div class="mro">' + l.mro.join(' → ') + '</div><div>try: <code>' + cmd + '</code></div>' +
      '<div class="presenter-only"><button data-a="clients" data-l="' + l.id + '">3 clients</button>' +
      '<button data-a="pause" data-l="' + l.id + '">pause</button><button data-a="step" data-l="' + l.id + '">step</button>' +
      '<button data-a="resume" data-l="' + l.id + '">continue</button>' +
      '<button data-a="rec" data-l="' + l.id + '">' + (l.recording ? 'stop recording' : 'record') + '</button>' +
      '<button data-a="close" data-l="' + l.id + '">close</button></div></div>';
  }).join('') || 'none yet';
}
$('labs').addEventListener('click', async (ev) => {
  const b = ev.target.closest('button'); if (!b) return; const lab = b.dataset.l;
  if (b.dataset.a === 'clients') await ask('spawn_clients', { lab, clients: [0, 1, 2].map((i) => ({ start_ms: i * 50, steps: [['send', 'hello ' + (i + 1) + '\\n'], ['recv'], ['close']] })) });
  if (b.dataset.a === 'pause') await ask('pause', { lab });
  if (b.dataset.a === 'step') await ask('step', { lab });
  if (b.dataset.a === 'resume') await ask('resume', { lab });
  if (b.dataset.a === 'close') await ask('close_lab', { lab });
  if (b.dataset.a === 'rec') await ask(labs.get(lab).recording ? 'stop_recording' : 'start_recording', { lab });
});
$('create').onclick = async () => {
  const bases = $('bases').value.split(',').map((b) => b.trim()).filter(Boolean);
  const which = bases.length ? { bases, class_name: 'CustomServer' } : { server: $('server').value };
  const reply = await ask('create_lab', { ...which, handler: $('handler').value, options: { poll_interval: 0.5, handler_delay_ms: 300 } });
  if (reply.ok) await ask('run_lab', { lab: reply.value.id });
};
socket.on('snapshot', (s) => {
  document.body.classList.toggle('presenter', s.role === 'presenter');
  $('role').textContent = s.role === 'presenter' ? 'presenter: you control the labs' : 'viewer: watching';
  labs.clear(); for (const l of s.labs) labs.set(l.id, l); for (const [id, st] of Object.entries(s.step)) steps.set(id, st);
  lines.length = 0; for (const events of Object.values(s.recent)) addEvents(events); renderLabs(); renderRecs(s.recordings);
});
socket.on('lab', (l) => { if (l.state === 'closed') labs.delete(l.id); else labs.set(l.id, l); renderLabs(); });
function renderRecs(list) {
  $('recs').innerHTML = list.map((r) => '<div><a href="/recordings/' + r.name + '">' + r.name + '</a> · ' + r.events + ' events</div>').join('') || 'none yet';
}
socket.on('recordings', renderRecs);
socket.on('step_state', (u) => { steps.set(u.lab, u.state); renderLabs(); });
socket.on('events', (batch, done) => { if (batch.gap) lines.push('… ' + batch.gap + ' events skipped …'); addEvents(batch.events); if (done) done(); });
socket.on('disconnect', () => { $('role').textContent = 'disconnected — reconnecting…'; });
</script></body></html>`;
