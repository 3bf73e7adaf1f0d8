// synthlogs dashboard: one WebSocket to /ws/logs, an SVG chart drawn by hand, a table of recent lines.
// Everything shown counts what this page received on its current connection: a reconnect starts afresh.
(function () {
  'use strict';
  const LEVELS = { DEBUG: '#7d8a99', INFO: '#4fb3ff', WARNING: '#e3b341', ERROR: '#ff7b72', CRITICAL: '#d2a8ff' };
  const TYPES = {
    error_spike: '#ff5c5c', latency_degradation: '#f0a35e', security_threat: '#c678dd',
    resource_exhaustion: '#56b6c2', service_outage: '#8fa1b3', data_anomaly: '#98c379'
  };
  const BAND_OPACITY = 0.3;
  /** Batches in the chart; normal and anomalous rows kept in the table. */
  const SLOTS = 60, ROWS = 60, ANOMALOUS_ROWS = 200;
  const W = 900, H = 320, PAD = 28;
  /** Reconnect after 2 s, doubling to 30 s while the server stays away. */
  const RETRY_FIRST = 2000, RETRY_MAX = 30000;
  /** lines/s is what arrived in the last 10 s. */
  const RATE_WINDOW = 10000;
  /** How often the episode under way and the injection queue, shared by every client, are asked for. */
  const STATUS_EVERY = 2000;
  const SVG = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  const token = new URLSearchParams(location.search).get('token');
  const auth = token ? '?token=' + encodeURIComponent(token) : '';
  const FIELDS = [
    ['anomaly-rate', 'anomaly_rate', 'the anomaly rate must be from 0 to 1, or empty for the configured rate'],
    ['batch-size', 'batch_size', 'the batch size must be a whole number from 1 to 1000'],
    ['interval', 'interval', 'the interval must be from 0.05 to 60 seconds']
  ];

  let ws = null, paused = false, retry = RETRY_FIRST;
  /** The stream settings the server last confirmed, and those the user applied (sent again after a reconnect). */
  let current = null, applied = null;
  let slots = [], arrivals = [], total = 0, anomalous = 0, connectedAt = 0, statusAsked = 0;

  function label(type) { return type.replace(/_/g, ' '); }

  function buildStatic() {
    const inject = $('inject');
    Object.keys(TYPES).forEach((type) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.id = 'inject-' + type;
      b.textContent = 'inject ' + label(type);
      b.style.setProperty('--c', TYPES[type]);
      b.addEventListener('click', () => send({ action: 'inject_anomaly', anomaly_type: type }));
      inject.appendChild(b);
    });
    const legend = $('legend');
    Object.entries(LEVELS).concat([['anomalous', '#ffffff']]).forEach(([name, color]) =>
      legend.insertAdjacentHTML('beforeend', '<span><i style="background:' + color + '"></i>' + name + '</span>'));
    Object.entries(TYPES).forEach(([type, color]) => legend.insertAdjacentHTML('beforeend',
      '<span><i style="background:' + color + ';opacity:' + BAND_OPACITY + '"></i>' + label(type) + '</span>'));
    $('settings').addEventListener('submit', applyConfig);
    $('pause').addEventListener('click', () => send({ action: paused ? 'resume' : 'pause' }));
    setInterval(showRate, 1000);
    setInterval(showEpisodes, STATUS_EVERY);
  }

  /** The shared stream's episode under way and its queue of injections, from GET /api/status. */
  function showEpisodes() {
    const asked = ++statusAsked;
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      $('episodes-now').textContent = '';
      return;
    }
    fetch('/api/status' + auth).then((r) => (r.ok ? r.json() : null)).then((s) => {
      if (!s || asked !== statusAsked) { return; } // an answer overtaken by a later question
      const active = s.active_episode;
      const next = s.pending_injection;
      $('episodes-now').textContent = (active ? 'under way: ' + label(active.anomaly_type) + ' ' + active.episode_id
          : 'no episode under way') + '; '
        + (s.pending_injections === 0 ? 'no injection queued' : s.pending_injections + ' queued, next: '
          + label(next.anomaly_type) + ' ' + next.episode_id + ' from line ' + next.starts_at_log);
    }).catch(() => {});
  }

  function connect() {
    const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/logs' + auth);
    let welcomed = false, refusal = null;
    ws = socket;
    socket.onmessage = (event) => {
      const m = JSON.parse(event.data);
      welcomed = welcomed || m.type === 'connected';
      if (m.type === 'error' && !welcomed) { refusal = m.message; }
      handle(m);
    };
    socket.onclose = (event) => {
      ws = null;
      setConn('off', 'disconnected');
      showRate();
      if (welcomed) {
        retry = RETRY_FIRST;
        reconnectLater('disconnected: ' + (event.reason || 'the connection closed') + ' (' + event.code + ')');
      } else if (refusal) {
        reconnectLater('the server refused the stream: ' + refusal);
      } else {
        explainRefusal();
      }
    };
  }

  /** A socket closed before the server said hello: ask over HTTP why (a wrong token, or no server at all). */
  function explainRefusal() {
    fetch('/api/status' + auth).then((r) => {
      if (r.status === 401) {
        return r.json().then((body) => {
          setConn('off', 'refused');
          note('refused: ' + body.error + '; open this page as /ui?token=<the server\'s token>');
        });
      }
      reconnectLater('the live stream could not be opened');
      return null;
    }).catch(() => reconnectLater('the server is not reachable'));
  }

  function reconnectLater(why) {
    note(why + '; reconnecting in ' + Math.round(retry / 1000) + ' s');
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, RETRY_MAX);
  }

  function setConn(state, text) {
    $('conn').className = 'conn ' + state;
    $('conn').textContent = text;
  }

  function send(message) {
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      note('not connected, so nothing was sent; the page reconnects by itself');
      return;
    }
    ws.send(JSON.stringify(message));
  }

  function applyConfig(event) {
    event.preventDefault();
    FIELDS.forEach(([id]) => $(id).setAttribute('aria-invalid', String(!$(id).checkValidity())));
    const wrong = FIELDS.find(([id]) => !$(id).checkValidity());
    if (wrong) {
      note(wrong[2]);
      $(wrong[0]).focus();
      return;
    }
    const rate = $('anomaly-rate').value;
    send({ action: 'configure', config: {
      anomaly_rate: rate === '' ? null : Number(rate), // empty: the server's configured rate
      batch_size: Number($('batch-size').value),
      interval: Number($('interval').value),
      include_labels: true
    } });
  }

  function handle(m) {
    switch (m.type) {
      case 'connected': started(m); break;
      case 'logs': addBatch(m.logs); break;
      case 'config_updated': applied = m.config; showConfig(m.config); note('stream settings applied'); break;
      case 'anomaly_injected': note('injected ' + label(m.anomaly_type) + ' as ' + m.episode_id + ': lines '
        + m.starts_at_log + '–' + (m.starts_at_log + m.duration_logs - 1) + ' of the shared stream');
        showEpisodes(); break;
      case 'paused': setPaused(true); break;
      case 'resumed': setPaused(false); break;
      case 'error': refused(m); break;
      default: break;
    }
  }

  /** A new connection: a fresh view, the user's settings sent again, the configured rate shown. */
  function started(m) {
    retry = RETRY_FIRST;
    slots = [];
    arrivals = [];
    total = 0;
    anomalous = 0;
    connectedAt = performance.now();
    document.querySelector('#lines tbody').replaceChildren();
    $('seed').textContent = m.seed;
    setConn('on', 'connected');
    setPaused(false);
    showConfig(m.config);
    note('');
    if (applied) {
      send({ action: 'configure', config: applied });
    }
    fetch('/api/config' + auth).then((r) => (r.ok ? r.json() : null)).then((c) => {
      if (c) { $('anomaly-rate').placeholder = 'configured: ' + c.anomalies.rate; }
    }).catch(() => {});
    showCounts();
    draw();
  }

  /** An error answer: named, and the field it blames marked, showing again what is in force. */
  function refused(m) {
    note('error: ' + m.message);
    if (current) { showConfig(current); }
    const field = FIELDS.find(([, name]) => m.field === 'config.' + name || m.field === name);
    if (field) { $(field[0]).setAttribute('aria-invalid', 'true'); }
  }

  function setPaused(value) {
    paused = value;
    $('pause').textContent = value ? 'resume' : 'pause';
    $('pause').setAttribute('aria-pressed', String(value));
    showRate();
  }

  function note(text) { $('message').textContent = text; }

  function showConfig(c) {
    current = c;
    $('batch-size').value = c.batch_size;
    $('interval').value = c.interval;
    $('anomaly-rate').value = c.anomaly_rate === null || c.anomaly_rate === undefined ? '' : c.anomaly_rate;
    FIELDS.forEach(([id]) => $(id).removeAttribute('aria-invalid'));
  }

  function addBatch(logs) {
    const slot = { levels: {}, anomalous: 0, episodes: {}, secs: current ? current.interval : 1 };
    logs.forEach((log) => {
      slot.levels[log.level] = (slot.levels[log.level] || 0) + 1;
      const l = log._labels;
      if (l && l.is_anomaly) {
        slot.anomalous += 1;
        slot.episodes[l.episode_id] = l.anomaly_type;
      }
    });
    slots.push(slot);
    while (slots.length > SLOTS) { slots.shift(); }
    total += logs.length;
    anomalous += slot.anomalous;
    arrivals.push([performance.now(), logs.length]);
    showCounts();
    showRate();
    addRows(logs);
    draw();
  }

  function showCounts() {
    $('total').textContent = total;
    $('anomalous').textContent = anomalous;
  }

  /** Lines that arrived in the last RATE_WINDOW, per second; 0 while paused or disconnected. */
  function showRate() {
    const now = performance.now();
    while (arrivals.length && arrivals[0][0] < now - RATE_WINDOW) { arrivals.shift(); }
    const lines = arrivals.reduce((sum, a) => sum + a[1], 0);
    const seconds = Math.max(1, Math.min(RATE_WINDOW, now - connectedAt) / 1000);
    $('rate').textContent = paused || !ws || ws.readyState !== WebSocket.OPEN ? '0' : (lines / seconds).toFixed(1);
  }

  /** The batch's newest lines, anomalous ones kept longer than the rest so an injected episode stays in view. */
  function addRows(logs) {
    const body = document.querySelector('#lines tbody');
    const fresh = document.createDocumentFragment();
    let normal = 0, marked = 0;
    for (let i = logs.length - 1; i >= 0; i--) {
      const log = logs[i], l = log._labels || {};
      if (l.is_anomaly ? ++marked <= ANOMALOUS_ROWS : ++normal <= ROWS) { fresh.appendChild(row(log, l)); }
    }
    body.insertBefore(fresh, body.firstChild);
    normal = 0;
    marked = 0;
    Array.from(body.rows).forEach((tr) => {
      if (tr.classList.contains('anomaly') ? ++marked > ANOMALOUS_ROWS : ++normal > ROWS) { tr.remove(); }
    });
  }

  function row(log, l) {
    const tr = document.createElement('tr');
    if (l.is_anomaly) {
      tr.className = 'anomaly';
      tr.dataset.type = l.anomaly_type;
      tr.dataset.episode = l.episode_id;
      tr.style.setProperty('--c', TYPES[l.anomaly_type] || '#fff');
    }
    [log.timestamp.substring(11, 23), log.level, log.source + '/' + log.service, log.message,
      l.is_anomaly ? label(l.anomaly_type) + (l.anomaly_subtype ? ' · ' + l.anomaly_subtype : '') : '']
      .forEach((text, i) => {
        const td = document.createElement('td');
        td.textContent = text;
        if (i === 1) { td.className = 'lvl-' + log.level; }
        tr.appendChild(td);
      });
    return tr;
  }

  function el(name, attrs) {
    const e = document.createElementNS(SVG, name);
    Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
    return e;
  }

  /** A round step (1, 2, 2.5 or 5 times a power of ten) of at least {@code x}. */
  function niceStep(x) {
    if (!(x > 0)) { return 1; }
    const power = Math.pow(10, Math.floor(Math.log10(x)));
    return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= x);
  }

  /** Each batch is plotted as lines per second at the interval it arrived with. */
  function draw() {
    const svg = $('chart');
    svg.replaceChildren();
    const step = (W - 2 * PAD) / (SLOTS - 1);
    const x = (i) => PAD + (SLOTS - slots.length + i) * step;
    let max = 0;
    slots.forEach((s) => Object.values(s.levels).concat([s.anomalous]).forEach((v) => { max = Math.max(max, v / s.secs); }));
    const tick = niceStep(max / 4);
    const top = Math.max(1, Math.ceil(max / tick)) * tick;
    const y = (v) => H - PAD - (v / top) * (H - 2 * PAD);
    // Episodes: one shaded band per episode over the batches where its lines arrived.
    const spans = {};
    slots.forEach((s, i) => Object.entries(s.episodes).forEach(([id, type]) => {
      const span = spans[id] || (spans[id] = { type: type, from: i, to: i });
      span.to = i;
    }));
    Object.entries(spans).forEach(([id, span]) => {
      const rect = el('rect', { x: x(span.from) - step / 2, y: PAD / 2, width: (span.to - span.from + 1) * step,
        height: H - 1.5 * PAD, fill: TYPES[span.type] || '#fff', 'fill-opacity': BAND_OPACITY, class: 'episode' });
      rect.dataset.type = span.type;
      rect.dataset.episode = id;
      rect.appendChild(el('title', {})).textContent = id + ' ' + label(span.type);
      svg.appendChild(rect);
    });
    for (let v = 0; v <= top + tick / 2; v += tick) {
      const gy = y(v);
      svg.appendChild(el('line', { x1: PAD, x2: W - PAD, y1: gy, y2: gy, stroke: '#263140', 'stroke-width': 1 }));
      svg.appendChild(el('text', { x: 4, y: gy + 4, fill: '#7d8a99', 'font-size': 10 })).textContent = String(+v.toFixed(3));
    }
    svg.appendChild(el('text', { x: PAD, y: H - 8, fill: '#7d8a99', 'font-size': 10 })).textContent = SLOTS + ' batches ago';
    svg.appendChild(el('text', { x: W - PAD, y: H - 8, fill: '#7d8a99', 'font-size': 10, 'text-anchor': 'end' })).textContent = 'now';
    const series = Object.keys(LEVELS).map((lvl) => [LEVELS[lvl], (s) => s.levels[lvl] || 0, 1.5])
      .concat([['#ffffff', (s) => s.anomalous, 2.5]]);
    series.forEach(([color, value, width]) => {
      if (slots.length < 1) { return; }
      const points = slots.map((s, i) => x(i).toFixed(1) + ',' + y(value(s) / s.secs).toFixed(1)).join(' ');
      svg.appendChild(el('polyline', { points: points, fill: 'none', stroke: color, 'stroke-width': width,
        'stroke-linejoin': 'round' }));
    });
  }

  buildStatic();
  draw();
  connect();
})();
