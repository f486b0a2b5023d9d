// bagu serve's only script: when a control moves, rerun the demo on the server and swap in the
// new figure, findings and interview answer without reloading; keep the address naming the view.
(function () {
  'use strict';
  var view = document.getElementById('view');
  if (!view) { return; }
  var id = view.dataset.demo;
  var form = document.getElementById('controls');
  var figure = document.getElementById('figure');
  var status = document.getElementById('status');
  var error = document.getElementById('error');
  var client = Math.random().toString(36).slice(2) + Date.now().toString(36);
  var controller = null;   // the request in flight: aborted when a newer one starts
  var generation = 0;      // only the newest answer is shown
  var timer = null;
  var STEPS = 1000;

  function sig3(x) { return Number(Number(x).toPrecision(3)); }

  // A slider's position as the parameter's value, and back.
  function sliderValue(el) {
    var pos = Number(el.value), min = Number(el.dataset.min), max = Number(el.dataset.max), v;
    if (el.dataset.map === 'direct') { return pos; }
    if (el.dataset.map === 'doubling') { return Math.min(max, min * Math.pow(2, pos)); }
    if (el.dataset.map === 'log') {
      v = Math.exp(Math.log(min) + pos / STEPS * (Math.log(max) - Math.log(min)));
    } else {
      v = min + pos / STEPS * (max - min);
    }
    v = el.dataset.kind === 'int' ? Math.round(v) : sig3(v);
    if (el.dataset.even) { v = 2 * Math.round(v / 2); }
    return Math.min(max, Math.max(min, v));
  }

  function value(el) {
    switch (el.dataset.kind) {
      case 'int': case 'real': return el.dataset.value; // exact until this slider moves
      case 'bool': return String(el.checked);
      case 'seed': return String(Math.trunc(Number(el.value) || 0));
      default: return el.value;
    }
  }

  function isDefault(el, v) {
    if (el.dataset.kind === 'int' || el.dataset.kind === 'real' || el.dataset.kind === 'seed') {
      return Number(v) === Number(el.dataset.default);
    }
    return v === el.dataset.default;
  }

  // Only what differs from the defaults, in the controls' order: the server's own short form.
  function query() {
    var parts = [];
    form.querySelectorAll('[data-kind]').forEach(function (el) {
      var v = value(el);
      if (!isDefault(el, v)) { parts.push(encodeURIComponent(el.name) + '=' + encodeURIComponent(v)); }
    });
    if (view.dataset.lang !== view.dataset.serverLang) { parts.push('lang=' + view.dataset.lang); }
    if (view.dataset.input) { parts.push('input=' + view.dataset.input); }
    return parts.join('&');
  }

  function showValue(el) {
    var out = document.getElementById('o-' + el.name);
    if (out) { out.textContent = value(el); }
  }

  function busy(on) {
    view.classList.toggle('busy', on);
    figure.setAttribute('aria-busy', on ? 'true' : 'false');
    status.textContent = on ? view.dataset.tComputing : '';
  }

  // While a slider is dragged the server answers with the demo's quicker preview (stamped in the
  // figure); the findings, answer, command and downloads stay the last full run's until the
  // slider is let go, as in the window.
  function apply(data) {
    var next = new Image();
    var mine = generation;
    next.onload = function () {
      if (mine !== generation) { return; }
      figure.src = data.figure;
      figure.width = data.width;
      figure.height = data.height;
      if (!data.preview) {
        document.getElementById('findings').innerHTML = data.findings;
        document.getElementById('answer').innerHTML = data.answer;
        document.getElementById('command').textContent = data.command;
        Object.keys(data.downloads).forEach(function (k) {
          var a = document.getElementById('dl-' + k);
          if (a) { a.href = data.downloads[k]; }
        });
      }
      busy(false);
      if (data.preview) { status.textContent = view.dataset.tPreview; }
    };
    next.onerror = function () { if (mine === generation) { busy(false); showError(view.dataset.tFailed + data.figure); } };
    next.src = data.figure;
  }

  function showError(text) {
    error.textContent = text;
    error.hidden = !text;
  }

  function updateLinks(q) {
    var sw = document.getElementById('lang-switch');
    if (sw) {
      var other = sw.dataset.lang;
      var parts = q ? q.split('&').filter(function (p) { return p.indexOf('lang=') !== 0; }) : [];
      if (other !== view.dataset.serverLang) { parts.push('lang=' + other); }
      // the input parameter stays last, as the server writes it
      parts.sort(function (a, b) { return (a.indexOf('input=') === 0) - (b.indexOf('input=') === 0); });
      sw.href = '/demo/' + id + (parts.length ? '?' + parts.join('&') : '');
    }
  }

  // Sends the view to the server; body is an uploaded file (POST) or null; preview while a
  // slider is still held (the address bar keeps the view's own address).
  function run(body, fileName, preview) {
    var q = query();
    history.replaceState(null, '', '/demo/' + id + (q ? '?' + q : ''));
    updateLinks(q);
    if (controller) { controller.abort(); }
    controller = new AbortController();
    var mine = ++generation;
    busy(true);
    var init = { headers: { 'X-Bagu-Client': client }, signal: controller.signal };
    if (body) {
      init.method = 'POST';
      init.body = body;
      init.headers['X-Bagu-File-Name'] = encodeURIComponent(fileName);
      init.headers['Content-Type'] = 'text/csv';
    }
    var ask = preview ? (q ? q + '&' : '') + 'preview=1' : q;
    fetch('/api/run/' + id + (ask ? '?' + ask : ''), init).then(function (response) {
      if (mine !== generation) { return null; }
      if (response.status === 409) { return null; } // a newer request replaced it
      if (response.status === 503) {
        var wait = Number(response.headers.get('Retry-After')) || 1;
        status.textContent = view.dataset.tBusy.replace('%s', wait);
        setTimeout(function () { if (mine === generation) { run(body, fileName, preview); } }, wait * 1000);
        return null;
      }
      if (!response.ok) {
        return response.text().then(function (text) {
          if (mine !== generation) { return; }
          busy(false);
          showError(text.trim());
          if (body) { clearUpload(false); }
        });
      }
      return response.json().then(function (data) {
        if (mine !== generation) { return; }
        showError('');
        if (body) { uploaded(data); }
        apply(data);
      });
    }).catch(function (e) {
      if (e.name === 'AbortError' || mine !== generation) { return; }
      busy(false);
      showError(view.dataset.tFailed + e.message);
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () { run(null, null, true); }, 60);
  }

  form.addEventListener('input', function (e) {
    var el = e.target;
    if (!el.dataset || !el.dataset.kind) { return; }
    if (el.type === 'range') { el.dataset.value = String(sliderValue(el)); }
    showValue(el);
    if (el.type === 'range') { later(); }
  });
  form.addEventListener('change', function (e) {
    var el = e.target;
    if (!el.dataset || !el.dataset.kind) { return; }
    clearTimeout(timer);
    run(null);
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); run(null); });

  // Uploads: the file goes to the server in the request's body; its hash comes back and joins
  // the address (input=…), so downloads and links keep it while the server runs.
  var upload = document.getElementById('upload');
  var clear = document.getElementById('clear-upload');
  var uploadName = document.getElementById('upload-name');

  function uploaded(data) {
    view.dataset.input = data.input || '';
    uploadName.textContent = data.inputName || '';
    clear.hidden = !data.input;
    var q = query();
    history.replaceState(null, '', '/demo/' + id + (q ? '?' + q : ''));
    updateLinks(q);
  }

  function clearUpload(rerun) {
    view.dataset.input = '';
    if (upload) { upload.value = ''; }
    if (uploadName) { uploadName.textContent = ''; }
    if (clear) { clear.hidden = true; }
    if (rerun) { run(null); }
  }

  if (upload) {
    upload.addEventListener('change', function (e) {
      e.stopPropagation();
      var file = upload.files[0];
      if (!file) { return; }
      if (file.size > Number(view.dataset.uploadLimit)) {
        showError(view.dataset.tTooLarge);
        upload.value = '';
        return;
      }
      view.dataset.input = '';
      run(file, file.name);
    });
    clear.addEventListener('click', function () { clearUpload(true); });
  }
}());
