// The console polls one JSON snapshot and redraws from it. Every value from the pipeline (keys,
// bodies, log lines) goes into the page as text, never as markup.
'use strict';

const POLL_MS = 1000;
const $ = (id) => document.getElementById(id);
let timer = null;

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function row(cells) {
  const tr = document.createElement('tr');
  for (const cell of cells) tr.append(cell instanceof Node ? wrap(cell) : el('td', cell));
  return tr;
}

function wrap(node) {
  const td = document.createElement('td');
  td.append(node);
  return td;
}

function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : '';
}

function duration(ms) {
  if (ms === null || ms === undefined) return '…';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function statusBadge(status) {
  return el('span', status, `status ${status}`);
}

function renderExecutions(executions) {
  const rows = executions.map((e) => {
    const link = el('a', `#${e.id}`);
    link.href = `/console/executions/${encodeURIComponent(e.id)}`;
    link.title = e.name;
    const tr = row([link, statusBadge(e.status), e.outcome ?? e.error ?? '', e.fileId ?? '', time(e.startDate), duration(e.durationMs)]);
    tr.dataset.executionId = e.id;
    tr.dataset.status = e.status;
    return tr;
  });
  $('execution-rows').replaceChildren(...rows);
  $('executions-empty').hidden = executions.length > 0;
}

function renderLedger(records) {
  $('ledger-rows').replaceChildren(...records.map((r) => {
    const tr = row([r.key, statusBadge(r.status), r.rowCount ?? '', r.attempts, time(r.updatedAt), r.note ?? '']);
    tr.title = r.fileId;
    return tr;
  }));
}

function renderQueues(queues) {
  $('queue-list').replaceChildren(...queues.map((q) => {
    const box = el('article', null, 'queue');
    box.dataset.queue = q.id;
    const head = el('div', null, 'section-head');
    head.append(el('h3', q.name), el('span', `${q.count} message${q.count === 1 ? '' : 's'}`, 'count'));
    const button = el('button', 'Redrive all');
    button.type = 'button';
    button.disabled = q.count === 0;
    button.addEventListener('click', () => redrive(q.id, button));
    head.append(button);
    box.append(head, el('p', q.description, 'note'));
    if (q.messages.length > 0) {
      const table = document.createElement('table');
      const body = document.createElement('tbody');
      body.replaceChildren(...q.messages.map((m) => row([m.messageId, `${m.receiveCount} receives`, time(m.sentAt), el('code', m.body)])));
      table.append(body);
      box.append(table);
    }
    return box;
  }));
}

function renderLogs(lines) {
  $('log-rows').replaceChildren(...lines.slice().reverse().map((l) => {
    const tr = row([time(l.timestamp), l.level ?? '', l.function ?? '', l.message ?? '']);
    if (l.level) tr.className = `level-${String(l.level).toLowerCase()}`;
    return tr;
  }));
}

async function refresh() {
  clearTimeout(timer);
  const query = new URLSearchParams({ file: $('file-filter').value, outcome: $('outcome-filter').value });
  try {
    const response = await fetch(`/console/api/state?${query}`, { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const state = await response.json();
    renderExecutions(state.executions);
    renderLedger(state.ledger);
    renderQueues(state.queues);
    renderLogs(state.logs);
    $('live').textContent = `live · updated ${new Date().toLocaleTimeString()}`;
    $('live').className = 'live ok';
  } catch (error) {
    $('live').textContent = `serve is not answering (${error.message}); retrying`;
    $('live').className = 'live down';
  }
  timer = setTimeout(refresh, POLL_MS);
}

async function redrive(queue, button) {
  button.disabled = true;
  try {
    const response = await fetch(`/console/api/queues/${encodeURIComponent(queue)}/redrive`, {
      method: 'POST',
      headers: { 'X-FilePipeline-Console': '1' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    $('live').textContent = `redrive failed: ${error.message}`;
    $('live').className = 'live down';
  }
  await refresh();
}

document.addEventListener('DOMContentLoaded', () => {
  $('file-filter').addEventListener('input', refresh);
  $('outcome-filter').addEventListener('change', refresh);
  refresh();
});
