// Draws a Tandem report from the JSON in #report-data with Chart.js (inlined beside this
// script). One page for four kinds of folder: a run, a paired comparison, a sweep and a
// calibration.
//
// The page checks itself once it has drawn: every chart must have data and pixels on its
// canvas, and any script error is listed on the page. The result is left on <body>
// (data-report-status, data-charts-expected, data-charts-drawn) so a headless browser can
// tell a complete page from a broken one (tests/report/check_report.sh).
(function () {
  'use strict';

  const errors = [];
  const charts = [];
  window.addEventListener('error', (e) => errors.push(String(e.message || e)));
  window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));

  // ---- Formatting ----------------------------------------------------------------

  const palette = ['#1b6ac9', '#d9480f', '#2b8a3e', '#862e9c', '#e8590c', '#0b7285', '#5c940d', '#a61e4d'];
  const color = (i, alpha) => {
    const hex = palette[i % palette.length];
    if (alpha === undefined) return hex;
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${n >> 16},${(n >> 8) & 255},${n & 255},${alpha})`;
  };
  const finite = (x) => typeof x === 'number' && Number.isFinite(x);

  function compact(x) {
    const a = Math.abs(x);
    if (a >= 1e9) return (x / 1e9).toFixed(2) + 'B';
    if (a >= 1e6) return (x / 1e6).toFixed(2) + 'M';
    if (a >= 1e4) return (x / 1e3).toFixed(1) + 'K';
    return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
  // A figure as people read it: money compact, shares in percent, days with one decimal.
  function fmt(x, unit) {
    if (!finite(x)) return '–';
    switch (unit) {
      case 'share': return (100 * x).toFixed(1) + '%';
      case 'days': return x.toFixed(1) + ' d';
      case 'money': return compact(x);
      case 'hours': return x.toFixed(1) + ' h';
      default: return compact(x);
    }
  }
  // A difference: signed, shares in percentage points.
  function fmtDiff(x, unit) {
    if (!finite(x)) return '–';
    const sign = x > 0 ? '+' : x < 0 ? '−' : '';
    const a = Math.abs(x);
    if (unit === 'share') return sign + (100 * a).toFixed(1) + ' pp';
    return sign + fmt(a, unit);
  }
  const interval = (ci, unit) => (ci ? `[${fmt(ci[0], unit)}, ${fmt(ci[1], unit)}]` : '–');
  const acronyms = { mqls: 'MQLs', mql: 'MQL', sals: 'SALs', sqls: 'SQLs', sdrs: 'SDRs', auc: 'AUC' };
  const label = (name) => name.split(/[._]/).map((w) => acronyms[w] || w).join(' ')
    .replace(/^./, (c) => c.toUpperCase());

  // ---- Page building ----------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  const main = document.getElementById('report');

  function section(title, note) {
    const s = el('section', {}, el('h2', {}, title));
    if (note) s.append(el('p', { class: 'note' }, note));
    main.append(s);
    return s;
  }

  // A figure with a caption, a line of explanation and a canvas; returns the canvas.
  // `height`: 'tall', or pixels for a chart with one row per item.
  function figure(parent, caption, explain, height) {
    const canvas = el('canvas', { role: 'img', 'aria-label': caption });
    const f = el('figure', {}, el('figcaption', {}, caption));
    if (explain) f.append(el('p', { class: 'explain' }, explain));
    const box = el('div', { class: height === 'tall' ? 'chart-box tall' : 'chart-box' }, canvas);
    if (typeof height === 'number') box.style.height = `${height}px`;
    f.append(box);
    parent.append(f);
    return canvas;
  }

  function grid(parent) {
    const g = el('div', { class: 'grid' });
    parent.append(g);
    return g;
  }

  function table(parent, head, rows, rowClass) {
    const t = el('table', {}, el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))));
    const body = el('tbody');
    rows.forEach((r, i) => {
      const tr = el('tr', rowClass ? { class: rowClass(i) } : {}, ...r.map((c) => el('td', {}, c)));
      body.append(tr);
    });
    t.append(body);
    parent.append(el('div', { class: 'table-wrap' }, t));
    return t;
  }

  // ---- Charts -----------------------------------------------------------------------

  // Every chart goes through here: no animation (the page is complete once drawn, and a
  // headless browser sees the final picture), sized by its box, errors recorded.
  function draw(canvas, config) {
    config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false },
      config.options || {});
    config.options.plugins = Object.assign({ legend: { labels: { filter: (item) => !item.text.startsWith('_') } } },
      config.options.plugins || {});
    try {
      charts.push(new Chart(canvas, config));
    } catch (e) {
      errors.push(`chart "${canvas.getAttribute('aria-label')}": ${e.message}`);
    }
  }

  const axis = (title, unit, extra) => Object.assign({
    title: { display: !!title, text: title },
    ticks: { callback: (v) => fmt(v, unit) },
  }, extra || {});

  // A mean line with its 95% confidence band: three datasets (low and high are drawn as a
  // filled band between them and hidden from the legend by their leading underscore).
  function band(name, series, i, dashed) {
    const line = {
      label: name, data: series.mean, borderColor: color(i), backgroundColor: color(i),
      borderWidth: 2, pointRadius: 0, tension: 0, borderDash: dashed ? [6, 4] : [],
    };
    if (!series.low) return [line];
    return [
      line,
      { label: '_low ' + name, data: series.low, borderColor: 'transparent', pointRadius: 0, fill: false },
      { label: '_high ' + name, data: series.high, borderColor: 'transparent', pointRadius: 0,
        backgroundColor: color(i, 0.18), fill: '-1' },
    ];
  }

  function tooltipIn(unit) {
    return { callbacks: { label: (c) => `${c.dataset.label}: ${fmt(c.parsed.y, unit)}` } };
  }

  function overTime(canvas, over, series, unit) {
    const datasets = [];
    series.forEach((s, i) => datasets.push(...band(s.label, s, s.color === undefined ? i : s.color, s.dashed)));
    draw(canvas, {
      type: 'line',
      data: { labels: over.periods.map((p) => p + 1), datasets },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: { x: axis(label(over.period_unit), 'count', { ticks: { maxTicksLimit: 14 } }), y: axis('', unit) },
        plugins: { tooltip: { filter: (item) => !item.dataset.label.startsWith('_'), ...tooltipIn(unit) } },
      },
    });
  }

  // ---- Shared sections --------------------------------------------------------------

  function header(d) {
    const h = document.getElementById('report-header');
    h.append(el('h1', {}, d.title), el('p', { class: 'subtitle' }, d.subtitle));
    for (const note of d.notes || []) h.append(el('p', { class: 'warning' }, note));
    const dl = el('dl');
    for (const [k, v] of d.facts) dl.append(el('dt', {}, k), el('dd', {}, String(v)));
    h.append(dl);
    document.getElementById('report-footer').append(
      `Written by ${document.querySelector('meta[name=generator]').content}. Means with 95% confidence intervals over replications; ` +
      'the files beside this page hold every number.');
  }

  function headlineTable(parent, headlines) {
    table(parent, ['figure', 'mean', '95% CI', 'P5', 'median', 'P95'],
      headlines.map((h) => [label(h.name), fmt(h.mean, h.unit), interval(h.ci95, h.unit),
        fmt(h.p5, h.unit), fmt(h.median, h.unit), fmt(h.p95, h.unit)]));
  }

  // ---- A run ------------------------------------------------------------------------

  function funnel(d) {
    const s = section('Funnel', 'Mean per replication at each stage, with the share that reached it from the ' +
      'stage before. The bars end at the mean; the whiskers in the tooltip give the 95% CI.');
    const stages = d.funnel;
    const canvas = figure(s, 'Waterfall by stage', null, 'tall');
    draw(canvas, {
      type: 'bar',
      data: {
        labels: stages.map((st, i) => i === 0 ? label(st.stage)
          : `${label(st.stage)} (${fmt(stages[i - 1].mean > 0 ? st.mean / stages[i - 1].mean : NaN, 'share')})`),
        datasets: [
          { label: 'mean', data: stages.map((st) => st.mean), backgroundColor: stages.map((_, i) => color(0, 1 - i * 0.12)) },
          { label: '95% CI', type: 'bar', data: stages.map((st) => st.ci95 || [st.mean, st.mean]),
            backgroundColor: 'rgba(0,0,0,0.35)', barPercentage: 0.15, grouped: false },
        ],
      },
      options: {
        indexAxis: 'y',
        // Log scale: won deals are a hundredth of inquiries. Label only 1, 2 and 5 per decade.
        scales: { x: { type: 'logarithmic', title: { display: true, text: 'per replication (log scale)' },
          ticks: { callback: (v) => ([1, 2, 5].includes(Math.round(v / 10 ** Math.floor(Math.log10(v)))) ? fmt(v) : '') } } },
        plugins: {
          tooltip: { callbacks: { label: (c) => Array.isArray(c.raw) ? `95% CI [${fmt(c.raw[0])}, ${fmt(c.raw[1])}]`
            : `mean ${fmt(c.raw)}` } },
        },
      },
    });
  }

  function moneyOverTime(d) {
    const s = section('Revenue and cost over time',
      'Mean per period across replications with its 95% confidence band, over ' + d.over_time.measured +
      ' (the periods the figures measure; a warm-up before them is left out). Cost is marketing spend plus pay; ' +
      'pay is counted in the last period of the pay period it is paid for, so it steps at month or quarter ends.');
    const g = grid(s);
    const o = d.over_time;
    overTime(figure(g, 'Revenue and cost per ' + o.period_unit, null), o,
      o.series.filter((x) => x.name === 'revenue' || x.name === 'cost'), 'money');
    overTime(figure(g, 'Cost by kind per ' + o.period_unit, null), o,
      o.series.filter((x) => x.name === 'marketing_spend' || x.name === 'pay'), 'money');
  }

  function pay(d) {
    const s = section('Pay by role and its spread',
      'Pay periods ending in ' + d.over_time.measured + '. ' +
      'Left: what each role costs, the mean with the P5–P95 range across replications (a bad and a ' +
      'good year). Right: what one person of each role earns — quartiles as the bar, ' +
      'minimum, median and maximum as points: every point is a real person\'s exact pay.');
    const g = grid(s);
    const roles = d.pay.roles;
    draw(figure(g, 'Cost per role per replication', null), {
      type: 'bar',
      data: {
        labels: roles.map((r) => label(r.role)),
        datasets: [
          { label: 'mean', data: roles.map((r) => r.mean), backgroundColor: color(0, 0.75) },
          { label: 'P5–P95', data: roles.map((r) => [r.p5, r.p95]), backgroundColor: color(1, 0.5),
            barPercentage: 0.25, grouped: false },
        ],
      },
      options: { scales: { y: axis('', 'money') }, plugins: { tooltip: { callbacks: {
        label: (c) => Array.isArray(c.raw) ? `P5 ${fmt(c.raw[0], 'money')} – P95 ${fmt(c.raw[1], 'money')}`
          : `mean ${fmt(c.raw, 'money')}` } } } },
    });
    const people = roles.filter((r) => r.person);
    draw(figure(g, 'One person\'s pay', null), {
      type: 'bar',
      data: {
        labels: people.map((r) => label(r.role)),
        datasets: [
          { label: 'Q1–Q3', data: people.map((r) => [r.person.q1, r.person.q3]), backgroundColor: color(2, 0.5) },
          { label: 'min', type: 'scatter', data: people.map((r, i) => ({ x: label(r.role), y: r.person.min })),
            backgroundColor: color(3), pointStyle: 'triangle', pointRadius: 6 },
          { label: 'median', type: 'scatter', data: people.map((r) => ({ x: label(r.role), y: r.person.median })),
            backgroundColor: color(0), pointStyle: 'rectRot', pointRadius: 7 },
          { label: 'max', type: 'scatter', data: people.map((r) => ({ x: label(r.role), y: r.person.max })),
            backgroundColor: color(1), pointStyle: 'triangle', rotation: 180, pointRadius: 6 },
        ],
      },
      options: { scales: { y: axis('', 'money') } },
    });
    table(s, ['component', 'mean per replication', 'P5', 'median', 'P95'],
      d.pay.components.map((c) => [c.name, fmt(c.mean, 'money'), fmt(c.p5, 'money'), fmt(c.median, 'money'),
        fmt(c.p95, 'money')]));
  }

  function behaviour(d) {
    const b = d.behaviour;
    const s = section('Behaviour', b.note);
    const g = grid(s);
    const offsets = b.in_quarter.offsets.map((o) => `${b.in_quarter.unit} ${o}`);
    draw(figure(g, `Deals pulled in and pushed out, by ${b.in_quarter.unit} of the quarter`,
      'Mean per replication over ' + d.over_time.measured + '; revenue share by ' + b.in_quarter.unit +
      ' on the right axis.'), {
      type: 'bar',
      data: {
        labels: offsets,
        datasets: [
          { label: 'pulled in', data: b.in_quarter.pulled, backgroundColor: color(1, 0.8), yAxisID: 'y' },
          { label: 'pushed out', data: b.in_quarter.pushed, backgroundColor: color(3, 0.8), yAxisID: 'y' },
          { label: 'share of revenue', type: 'line', data: b.in_quarter.revenue_share, borderColor: color(0),
            backgroundColor: color(0), yAxisID: 'share', pointRadius: 2 },
        ],
      },
      options: { scales: { y: axis('deals', 'count', { beginAtZero: true }),
        share: axis('revenue', 'share', { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } }) } },
    });
    const o = { periods: d.over_time.periods, period_unit: d.over_time.period_unit };
    overTime(figure(g, 'Routed leads reps chose not to work, per ' + o.period_unit, null), o,
      [Object.assign({ label: 'leads ignored' }, b.leads_ignored)], 'count');
    overTime(figure(g, 'Discounts given to pull deals in, per ' + o.period_unit, null), o,
      [Object.assign({ label: 'discounts', color: 1 }, b.discounts)], 'money');
    table(s, ['figure', 'mean', '95% CI'],
      b.headlines.map((h) => [label(h.name), fmt(h.mean, h.unit), interval(h.ci95, h.unit)]));
  }

  function earnings(d) {
    if (!d.earnings || d.earnings.length === 0) return;
    const s = section('Earnings vs attainment',
      'What one person would be paid for one pay period at 0–200% attainment, computed by each plan itself ' +
      '(earnings_curve.csv holds every point and component). 100% is the plan\'s quota where it has one, ' +
      'otherwise the run\'s average results per person and pay period.');
    draw(figure(s, 'Payout per pay period by attainment', null), {
      type: 'line',
      data: {
        labels: d.earnings[0].points.map((p) => Math.round(100 * p.attainment) + '%'),
        datasets: d.earnings.map((c, i) => ({
          label: `${c.slot}: ${c.plan} (per ${c.period}, 100% = ${c.basis})`,
          data: c.points.map((p) => p.payout), borderColor: color(i), backgroundColor: color(i), pointRadius: 2,
        })),
      },
      options: { scales: { x: axis('attainment', 'count'), y: axis('payout', 'money', { beginAtZero: true }) },
        plugins: { tooltip: tooltipIn('money') } },
    });
  }

  function runReport(d) {
    funnel(d);
    moneyOverTime(d);
    pay(d);
    behaviour(d);
    earnings(d);
    const s = section('Every headline figure', 'Across replications: mean, 95% confidence interval of the mean, ' +
      'and the P5 / median / P95 of the replications themselves.');
    headlineTable(s, d.headlines);
  }

  // ---- A paired comparison ----------------------------------------------------------

  function compareReport(d) {
    const diffs = d.differences.filter((x) => finite(x.relative));
    const s = section('Paired differences (alt − base)',
      'Each bar is the change relative to the base mean, with its paired 95% CI (common random numbers) and, ' +
      'thinner, the CI the same runs would give unpaired. A figure whose paired CI excludes 0 is in bold below.');
    const rel = (ci, x) => (ci && finite(x.base_mean) && x.base_mean !== 0 ? [ci[0] / Math.abs(x.base_mean), ci[1] / Math.abs(x.base_mean)] : null);
    draw(figure(s, 'Change relative to base', null, 80 + 24 * diffs.length), {
      type: 'bar',
      data: {
        labels: diffs.map((x) => label(x.name)),
        datasets: [
          { label: 'paired 95% CI', data: diffs.map((x) => rel(x.paired_ci95, x)),
            backgroundColor: diffs.map((x) => (x.significant ? color(0, 0.8) : color(0, 0.3))), grouped: false, barPercentage: 0.7 },
          { label: 'unpaired 95% CI', data: diffs.map((x) => rel(x.unpaired_ci95, x)),
            backgroundColor: color(1, 0.35), grouped: false, barPercentage: 0.25 },
          { label: 'mean difference', type: 'scatter', data: diffs.map((x) => ({ x: x.relative, y: label(x.name) })),
            backgroundColor: '#000', pointRadius: 3 },
        ],
      },
      options: {
        indexAxis: 'y',
        scales: { x: axis('relative to base', 'share'), y: { type: 'category', ticks: { autoSkip: false } } },
        plugins: { tooltip: { callbacks: { label: (c) => Array.isArray(c.raw) ?
          `${c.dataset.label}: [${fmt(c.raw[0], 'share')}, ${fmt(c.raw[1], 'share')}]` : `mean ${fmt(c.raw.x, 'share')}` } } },
      },
    });
    table(s, ['figure', 'base', 'alt', 'alt − base', 'paired 95% CI', 'unpaired 95% CI'],
      d.differences.map((x) => [label(x.name), fmt(x.base_mean, x.unit), fmt(x.alt_mean, x.unit),
        fmtDiff(x.difference, x.unit), interval(x.paired_ci95, x.unit), interval(x.unpaired_ci95, x.unit)]),
      (i) => (d.differences[i].significant ? 'significant' : ''));
    if (d.not_compared.length > 0)
      s.append(el('p', { class: 'note' }, 'Reported by one scenario only, not compared: ' + d.not_compared.join(', ')));

    const t = section('Over time, side by side',
      'Means per period with 95% confidence bands over ' + d.over_time.measured +
      ' (after the warm-up); base solid, alt dashed. Each scenario\'s own report is in base/ and alt/.');
    const g = grid(t);
    const o = d.over_time;
    overTime(figure(g, 'Revenue per ' + o.period_unit, null), o, o.series.filter((x) => x.name === 'revenue'), 'money');
    overTime(figure(g, 'Cost (spend and pay) per ' + o.period_unit, null), o, o.series.filter((x) => x.name === 'cost'), 'money');
  }

  // ---- A sweep ----------------------------------------------------------------------

  // The points as lines: x is the first --vary key, one line per combination of the others.
  function sweepLines(d) {
    const [first, ...rest] = d.vary;
    const numeric = first.values.every((v) => finite(Number(v)));
    const lines = new Map();
    d.points.forEach((p) => {
      const key = rest.map((v) => `${v.key}=${p.values[v.key]}`).join(', ') || first.key;
      if (!lines.has(key)) lines.set(key, []);
      lines.get(key).push(p);
    });
    return { first, numeric, lines };
  }

  function responseChart(canvas, d, name, pick) {
    const { first, numeric, lines } = sweepLines(d);
    const unit = d.units[name];
    const datasets = [];
    let i = 0;
    for (const [key, pts] of lines) {
      const xs = pts.map((p) => (numeric ? Number(p.values[first.key]) : p.values[first.key]));
      const at = (f) => pts.map((p, j) => ({ x: xs[j], y: f(p) }));
      const s = pick(name);
      datasets.push({ label: key, data: at((p) => s(p).mean), borderColor: color(i), backgroundColor: color(i), pointRadius: 3 });
      datasets.push({ label: '_low ' + key, data: at((p) => s(p).low), borderColor: 'transparent', pointRadius: 0, fill: false });
      datasets.push({ label: '_high ' + key, data: at((p) => s(p).high), borderColor: 'transparent', pointRadius: 0,
        backgroundColor: color(i, 0.18), fill: '-1' });
      ++i;
    }
    draw(canvas, {
      type: 'line',
      data: numeric ? { datasets } : { labels: first.values, datasets },
      options: {
        scales: { x: numeric ? { type: 'linear', title: { display: true, text: first.key } }
          : { type: 'category', title: { display: true, text: first.key } }, y: axis('', unit) },
        plugins: { tooltip: { filter: (item) => !item.dataset.label.startsWith('_'), ...tooltipIn(unit) } },
      },
    });
  }

  function sweepReport(d) {
    const headline = (name) => (p) => {
      const h = p.headline[name] || {};
      return { mean: h.mean, low: h.ci95 ? h.ci95[0] : h.mean, high: h.ci95 ? h.ci95[1] : h.mean };
    };
    const s = section('Response curves', 'Each headline figure at every point of the sweep: the mean with its 95% ' +
      'confidence band. All points share random numbers, so the differences between points are the settings\', ' +
      'not luck\'s.');
    const g = grid(s);
    for (const name of d.featured) responseChart(figure(g, label(name), null), d, name, headline);

    const risk = section('What the plans cost in a bad and a good year',
      'Total pay per replication at each point: the median with the P5–P95 range across replications ' +
      '(exact cents from each point\'s ledger).');
    responseChart(figure(risk, 'Total pay: median and P5–P95', null), d, 'pay_total',
      () => (p) => ({ mean: p.pay_total.median, low: p.pay_total.p5, high: p.pay_total.p95 }));

    const any = section('Any figure', 'Pick a headline figure to draw its response curve.');
    const select = el('select', { id: 'figure-select' }, ...Object.keys(d.units).filter((n) => n !== 'pay_total')
      .map((n) => el('option', { value: n }, label(n))));
    any.append(el('div', { class: 'controls' }, el('label', {}, 'Figure: ', select)));
    const canvas = figure(any, 'Chosen figure', null);
    const redraw = () => {
      const old = charts.findIndex((c) => c.canvas === canvas);
      if (old >= 0) charts.splice(old, 1)[0].destroy();
      responseChart(canvas, d, select.value, headline);
    };
    select.value = d.featured[0];
    select.addEventListener('change', redraw);
    redraw();

    const t = section('Every point', 'Means with 95% CIs; each point\'s folder holds its summary.json and scenario.yaml.');
    const names = d.featured;
    table(t, ['point', ...d.vary.map((v) => v.key), ...names.map(label)],
      d.points.map((p) => [p.folder, ...d.vary.map((v) => p.values[v.key]),
        ...names.map((n) => `${fmt(p.headline[n].mean, d.units[n])} ${interval(p.headline[n].ci95, d.units[n])}`)]));
  }

  // ---- A calibration ----------------------------------------------------------------

  // Two cumulative distributions of days from MQL to a won close on a linear day axis, stepped: a share
  // holds until the next day listed, so a list that skips days still reads right.
  function daysToClose(parent, c) {
    if (!c || !c.observed || !c.simulated || c.observed.length === 0 || c.simulated.length === 0) return;
    const line = (name, points, i, dashed) => ({
      label: name, data: points.map(([x, y]) => ({ x, y })), borderColor: color(i), backgroundColor: color(i),
      borderWidth: 2, pointRadius: 0, stepped: true, borderDash: dashed ? [6, 4] : [],
    });
    draw(figure(parent, 'Days from MQL to a won close', 'Cumulative: the share of won deals closed within each number of days. ' +
      'Simulated as the export would have recorded it (deals after the export\'s end unseen).'), {
      type: 'line',
      data: { datasets: [line('observed', c.observed, 0), line('simulated', c.simulated, 1, true)] },
      options: {
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: { x: axis('days from MQL to won', 'count', { type: 'linear', min: 0 }),
          y: axis('share of won deals closed within', 'share', { min: 0, max: 1 }) },
        plugins: { tooltip: { callbacks: { title: (items) => `within ${items[0].parsed.x} days`,
          label: (item) => `${item.dataset.label}: ${fmt(item.parsed.y, 'share')}` } } },
      },
    });
  }

  // The fit checked on months it never saw: each month's 95% prediction interval as a floating bar,
  // the predicted and observed won deals as points on it.
  function holdout(h) {
    if (!h) return;
    const s = section('Held-out months', `Fitted on what happened before ${h.from}; for the MQLs created from ${h.from} on, ` +
      `won deals (closed by ${h.until}) predicted with 95% prediction intervals, against what the export shows. ` +
      'The MQLs of each month are the input; the won deals are the prediction.');
    const months = h.months;
    const points = (name, pick, i, style) => ({ label: name, type: 'line', data: months.map(pick), showLine: false,
      pointRadius: 5, pointStyle: style, borderColor: color(i), backgroundColor: color(i) });
    draw(figure(s, 'Won deals of each held-out month\'s MQLs: predicted and observed', null), {
      type: 'bar',
      data: {
        labels: months.map((m) => m.month),
        datasets: [
          // order 1: drawn beneath the points.
          { label: '95% prediction interval', data: months.map((m) => [m.low, m.high]), backgroundColor: color(0, 0.25),
            barPercentage: 0.4, order: 1 },
          points('predicted', (m) => m.predicted, 0, 'rectRot'),
          points('observed', (m) => m.observed, 1, 'circle'),
        ],
      },
      options: {
        // grace: a point at the top of the range keeps its whole marker.
        scales: { y: axis('won deals', 'count', { beginAtZero: true, grace: '5%' }) },
        plugins: { tooltip: { callbacks: { label: (c) => (Array.isArray(c.raw) ? `95% prediction interval ${interval(c.raw, 'number')}`
          : `${c.dataset.label}: ${fmt(c.raw, 'number')}`) } } },
      },
    });
    const row = (name, x) => [name, fmt(x.mqls, 'count'), fmt(x.observed, 'count'), fmt(x.predicted, 'number'),
      interval([x.low, x.high], 'number'), x.inside ? 'yes' : 'no'];
    table(s, ['month', 'MQLs', 'observed won', 'predicted', '95% prediction interval', 'inside?'],
      [...months.map((m) => row(m.month, m)), row('all held-out months', h.total)]);
  }

  function calibrationReport(d) {
    const fit = section('Observed and simulated',
      `Each figure the fit aimed at: what the export shows (with its bootstrap 95% interval) and what the calibrated scenario simulates, over ${d.window}. z = (simulated − observed) / observed standard error.`);
    const canvas = figure(fit, 'Simulated against observed, in observed standard errors', 'Inside ±2: within the data\'s own uncertainty.', 40 + 26 * d.targets.length);
    draw(canvas, {
      type: 'bar',
      data: {
        labels: d.targets.map((t) => label(t.name)),
        datasets: [{ label: 'z', data: d.targets.map((t) => t.z), backgroundColor: d.targets.map((t) => (Math.abs(t.z) <= 2 ? color(0) : color(3))) }],
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: axis('z', 'number', { suggestedMin: -3, suggestedMax: 3 }) } },
    });
    table(fit, ['figure', 'observed', '95% interval', 'simulated', 'z'],
      d.targets.map((t) => [label(t.name), fmt(t.observed, t.unit), interval([t.low, t.high], t.unit), fmt(t.simulated, t.unit), fmt(t.z, 'number')]));
    daysToClose(fit, d.days_to_close);

    const keys = section('Fitted keys', `Found in ${d.trace.length} evaluations (${d.stopped}); ` +
      'each ran the scenario on the same random numbers. The standard error comes from how the figures move with ' +
      'each key near the fitted value (the curvature of the distance), so a wide one means the data hardly pin the key down.');
    table(keys, ['key', 'value', '± standard error', 'searched over'], d.keys.map((k) => [k.key, fmt(k.value, 'number'),
      k.se === null ? 'not identified' : fmt(k.se, 'number'), `${fmt(k.low, 'number')} to ${fmt(k.high, 'number')}`]));
    const trace = figure(keys, 'Distance by evaluation', 'The sum of squared z over the figures; the best so far as a line.');
    let best = Infinity;
    draw(trace, {
      type: 'line',
      data: {
        labels: d.trace.map((_, i) => i + 1),
        datasets: [
          { label: 'evaluation', data: d.trace, showLine: false, pointRadius: 3, borderColor: color(1), backgroundColor: color(1) },
          { label: 'best so far', data: d.trace.map((v) => (best = Math.min(best, v))), pointRadius: 0, borderColor: color(0), backgroundColor: color(0) },
        ],
      },
      // x keeps its category labels (1, 2, ...): a tick callback there would be handed the index from 0.
      options: { scales: { y: axis('distance', 'number', { type: 'logarithmic' }), x: { title: { display: true, text: 'evaluation' } } } },
    });
    holdout(d.holdout);
  }

  // ---- Self-check -------------------------------------------------------------------

  // A chart has drawn when it has at least one finite value and its canvas holds pixels.
  function drawn(chart) {
    const hasData = chart.data.datasets.some((ds) => ds.data.some((v) =>
      finite(v) || (Array.isArray(v) && v.every(finite)) || (v && finite(v.y))));
    const c = chart.canvas;
    if (!hasData || c.width === 0 || c.height === 0) return false;
    const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    return false;
  }

  function finish(expected) {
    const failed = charts.filter((c) => !drawn(c)).map((c) => `chart "${c.canvas.getAttribute('aria-label')}" drew nothing`);
    errors.push(...failed);
    if (charts.length !== expected) errors.push(`${expected} charts expected, ${charts.length} created`);
    const body = document.body;
    body.dataset.chartsExpected = String(expected);
    body.dataset.chartsDrawn = String(charts.length - failed.length);
    body.dataset.reportStatus = errors.length === 0 ? 'ok' : 'error';
    if (errors.length > 0) {
      document.getElementById('report-problems').hidden = false;
      document.getElementById('report-errors').textContent = errors.join('\n');
    }
  }

  try {
    const d = JSON.parse(document.getElementById('report-data').textContent);
    header(d);
    if (d.kind === 'run') runReport(d);
    else if (d.kind === 'compare') compareReport(d);
    else if (d.kind === 'sweep') sweepReport(d);
    else if (d.kind === 'calibration') calibrationReport(d);
    else throw new Error(`unknown report kind "${d.kind}"`);
    finish(document.querySelectorAll('canvas').length);
  } catch (e) {
    errors.push(e.stack || String(e));
    finish(document.querySelectorAll('canvas').length);
  }
})();
