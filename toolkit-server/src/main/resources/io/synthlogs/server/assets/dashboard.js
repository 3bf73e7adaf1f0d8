// synthlogs dashboard: one WebSocket to /ws/logs, an SVG chart drawn by hand, a table of recent lines.
(function () {
  'use strict';
  const LEVELS = { DEBUG: '#7d8a99', INFO: '#4fb3ff', WARNING: '#e3b341', ERROR: '#ff7b72', CRITICAL: '#d2a8ff' };
  const TYPES = {
    error_spike: '#ff5c5c', latency_degradation: '#f0a35e', security_threat: '#c678dd',
    resource_exhaustion: '#56b6c2', service_outage: '#e5c07b', data_anomaly: '#98c379'
  };
  const SLOTS = 60, ROWS = 60, W = 900, H = 320, PAD = 28;
  const SVG = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  const slots = [];
  let ws = null, paused = false, total = 0, anomalous = 0, intervalSecs = 1;

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
    const entries = Object.entries(LEVELS).concat([['anomalous', '#ffffff']]);
    entries.forEach(([name, color]) => legend.insertAdjacentHTML('beforeend',
      '<span><i style="background:' + color + '"></i>' + name + '</span>'));
    Object.entries(TYPES).forEach(([type, color]) => legend.insertAdjacentHTML('beforeend',
      '<span><i style="background:' + color + ';opacity:.45"></i>' + label(type) + '</span>'));
    $('apply').addEventListener('click', applyConfig);
    $('pause').addEventListener('click', () => send({ action: paused ? 'resume' : 'pause' }));
  }

  function connect() {
    const token = new URLSearchParams(location.search).get('token');
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/logs'
      + (token ? '?token=' + encodeURIComponent(token) : '');
    ws = new WebSocket(url);
    ws.onopen = () => setConn(true);
    ws.onclose = () => { setConn(false); setTimeout(connect, 2000); };
    ws.onmessage = (event) => handle(JSON.parse(event.data));
  }

  function setConn(on) {
    $('conn').className = 'conn ' + (on ? 'on' : 'off');
    $('conn').textContent = on ? 'connected' : 'disconnected';
  }

  function send(message) {
    if (ws && ws.readyState === WebSocket.OPEN) { ws.send(JSON.stringify(message)); }
  }

  function applyConfig() {
    const config = {
      anomaly_rate: parseFloat($('anomaly-rate').value),
      batch_size: parseInt($('batch-size').value, 10),
      interval: parseFloat($('interval').value),
      include_labels: true
    };
    send({ action: 'configure', config: config });
  }

  function handle(m) {
    switch (m.type) {
      case 'connected': $('seed').textContent = m.seed; showConfig(m.config); break;
      case 'logs': addBatch(m.logs); break;
      case 'config_updated': showConfig(m.config); note('stream settings applied'); break;
      case 'anomaly_injected': note('injected ' + label(m.anomaly_type) + ' as ' + m.episode_id
        + ' (' + m.duration_logs + ' lines)'); break;
      case 'paused': paused = true; $('pause').textContent = 'resume'; break;
      case 'resumed': paused = false; $('pause').textContent = 'pause'; break;
      case 'error': note('error: ' + m.message); break;
      default: break;
    }
  }

  function note(text) { $('message').textContent = text; }

  function showConfig(c) {
    intervalSecs = c.interval;
    $('batch-size').value = c.batch_size;
    $('interval').value = c.interval;
    if (c.anomaly_rate !== null && c.anomaly_rate !== undefined) { $('anomaly-rate').value = c.anomaly_rate; }
  }

  function addBatch(logs) {
    const slot = { levels: {}, anomalous: 0, episodes: {} };
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
    $('total').textContent = total;
    $('anomalous').textContent = anomalous;
    $('rate').textContent = (logs.length / intervalSecs).toFixed(1);
    addRows(logs);
    draw();
  }

  function addRows(logs) {
    const body = document.querySelector('#lines tbody');
    logs.forEach((log) => {
      const tr = document.createElement('tr');
      const l = log._labels || {};
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
      body.insertBefore(tr, body.firstChild);
    });
    while (body.rows.length > ROWS) { body.deleteRow(body.rows.length - 1); }
  }

  function el(name, attrs) {
    const e = document.createElementNS(SVG, name);
    Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
    return e;
  }

  function draw() {
    const svg = $('chart');
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    const step = (W - 2 * PAD) / (SLOTS - 1);
    const x = (i) => PAD + (SLOTS - slots.length + i) * step;
    let max = 1;
    slots.forEach((s) => Object.values(s.levels).concat([s.anomalous]).forEach((v) => { max = Math.max(max, v); }));
    const y = (v) => H - PAD - (v / max) * (H - 2 * PAD);
    // Episodes: one shaded band per episode over the slots where its lines arrived.
    const spans = {};
    slots.forEach((s, i) => Object.entries(s.episodes).forEach(([id, type]) => {
      const span = spans[id] || (spans[id] = { type: type, from: i, to: i });
      span.to = i;
    }));
    Object.entries(spans).forEach(([id, span]) => {
      const rect = el('rect', { x: x(span.from) - step / 2, y: PAD / 2, width: (span.to - span.from + 1) * step,
        height: H - 1.5 * PAD, fill: TYPES[span.type] || '#fff', 'fill-opacity': 0.22, class: 'episode' });
      rect.dataset.type = span.type;
      rect.dataset.episode = id;
      rect.appendChild(el('title', {})).textContent = id + ' ' + label(span.type);
      svg.appendChild(rect);
    });
    for (let g = 0; g <= 4; g++) {
      const gy = y((max * g) / 4);
      svg.appendChild(el('line', { x1: PAD, x2: W - PAD, y1: gy, y2: gy, stroke: '#263140', 'stroke-width': 1 }));
      svg.appendChild(el('text', { x: 4, y: gy + 4, fill: '#7d8a99', 'font-size': 10 })).textContent =
        ((max * g) / 4 / intervalSecs).toFixed(0);
    }
    const series = Object.keys(LEVELS).map((lvl) => [LEVELS[lvl], (s) => s.levels[lvl] || 0, 1.5])
      .concat([['#ffffff', (s) => s.anomalous, 2.5]]);
    series.forEach(([color, value, width]) => {
      if (slots.length < 1) { return; }
      const points = slots.map((s, i) => x(i).toFixed(1) + ',' + y(value(s)).toFixed(1)).join(' ');
      svg.appendChild(el('polyline', { points: points, fill: 'none', stroke: color, 'stroke-width': width,
        'stroke-linejoin': 'round' }));
    });
  }

  buildStatic();
  draw();
  connect();
})();
