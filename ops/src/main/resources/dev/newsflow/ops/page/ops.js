// The ops page: polls /v1/ops/snapshot and redraws. Everything a record or a service says is put in the page as
// text (textContent), never as markup: a dead letter's reason is whatever a producer sent.
"use strict";

(function () {
  const tokenInput = document.getElementById("admin-token");
  const stageSelect = document.getElementById("stage");
  const statusLine = document.getElementById("status");
  const actionResult = document.getElementById("action-result");
  let refreshMillis = 2000;
  let actions = false;
  let timer = null;

  tokenInput.value = sessionStorage.getItem("newsflow-ops-token") || "";
  tokenInput.addEventListener("input", () => sessionStorage.setItem("newsflow-ops-token", tokenInput.value));
  document.getElementById("token-form").addEventListener("submit", (e) => e.preventDefault());
  stageSelect.addEventListener("change", () => refresh());

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function row(cells, attributes) {
    const tr = document.createElement("tr");
    for (const cell of cells) {
      tr.appendChild(cell instanceof Node ? cell : el("td", cell));
    }
    for (const [name, value] of Object.entries(attributes || {})) tr.setAttribute(name, value);
    return tr;
  }

  function num(value) {
    return el("td", value, "num");
  }

  // A section: its rows redrawn, and its error (the part could not be sampled) shown or hidden.
  function section(id, part, rows) {
    const root = document.getElementById(id);
    const error = root.querySelector(".error");
    error.hidden = !part.error;
    error.textContent = part.error ? "Cannot sample: " + part.error : "";
    const body = root.querySelector("tbody");
    if (rows.length === 0) {
      const empty = el("td", part.error ? "" : root.dataset.empty, "empty");
      empty.colSpan = root.querySelectorAll("thead th").length;
      rows = [row([empty])];
    }
    body.replaceChildren(...rows);
  }

  function render(snapshot) {
    refreshMillis = snapshot.refreshMillis || refreshMillis;
    actions = snapshot.actions;
    statusLine.textContent = snapshot.sampledAt ? "sampled " + snapshot.sampledAt : "waiting for the first sample…";
    statusLine.className = "";

    section("services", snapshot.services, (snapshot.services.rows || []).map((s) => {
      const why = Object.entries(s.details || {}).map(([k, v]) => k + ": " + v).join("; ");
      return row([s.service, el("td", s.status, s.status), el("td", why, "reason")],
        { "data-service": s.service, "data-status": s.status });
    }));

    section("topics", snapshot.topics, (snapshot.topics.rows || []).map((t) =>
      row([el("td", t.topic), num(t.exists ? t.perSecond.toFixed(2) : "(no topic)"), num(t.seen)],
        { "data-topic": t.topic, "data-seen": t.seen })));

    const missing = document.querySelector("#groups .missing");
    const absent = snapshot.groups.missingOwned || [];
    missing.hidden = absent.length === 0;
    missing.textContent = absent.length ? "No group for: " + absent.join(", ") : "";
    section("groups", snapshot.groups, (snapshot.groups.rows || []).map((g) => {
      const partitions = g.partitions.map((p) => p.topic + "/" + p.partition + ": "
        + (p.committed === null ? "-" : p.committed) + " of " + p.end).join(", ");
      return row([el("td", g.group + (g.owned ? "" : " (not newsflow's)")), el("td", g.state),
        el("td", g.lag, g.lag > 0 ? "num lagging" : "num"), el("td", partitions)],
        { "data-group": g.group, "data-lag": g.lag });
    }));

    const dead = snapshot.deadLetters;
    const stages = Object.keys(dead.byStage || {});
    const chosen = stageSelect.value;
    const options = [el("option", "every stage")];
    options[0].value = "";
    for (const stage of stages) {
      const option = el("option", stage + " (" + dead.byStage[stage] + ")");
      option.value = stage;
      options.push(option);
    }
    stageSelect.replaceChildren(...options);
    stageSelect.value = stages.includes(chosen) ? chosen : "";
    document.getElementById("dead-letter-counts").textContent = (dead.total || 0) + " on the topic";
    section("dead-letters", dead, (dead.rows || []).map((d) => {
      const replayCell = el("td");
      if (d.replay) {
        replayCell.textContent = "replayed " + d.replay.at + " to " + d.replay.target + " by " + d.replay.by;
      } else if (d.notReplayable) {
        replayCell.textContent = "cannot: " + d.notReplayable;
      } else if (actions) {
        const button = el("button", "Replay");
        button.type = "button";
        button.className = "replay";
        button.addEventListener("click", () => act(button, "/v1/ops/dead-letters/" + d.partition + "/" + d.offset
          + "/replay", (body) => d.id + ": " + body.status.toLowerCase().replace("_", " ")
          + (body.target ? " to " + body.target : "") + (body.outcomeText ? "; " + body.outcomeText : "")));
        replayCell.appendChild(button);
      } else {
        replayCell.textContent = "(actions off: no ops.admin.token)";
      }
      // The message names the error's kind already; its full class is a tooltip.
      const reason = el("td", d.error, "reason");
      reason.title = d.errorClass;
      return row([el("td", d.failedAt), el("td", d.stage), el("td", d.service), reason, el("td", d.source),
        el("td", d.id), replayCell], { "data-id": d.id, "data-stage": d.stage, "data-key": d.key || "" });
    }));

    section("partners", snapshot.partners, (snapshot.partners.rows || []).map((p) => {
      const push = p.push || {};
      const last = push.lastDelivery ? push.lastDelivery.at + " " + push.lastDelivery.outcome : "-";
      const resumeCell = el("td");
      if (push.suspended && actions) {
        const button = el("button", "Resume");
        button.type = "button";
        button.className = "resume";
        button.addEventListener("click", () => act(button, "/v1/ops/partners/" + encodeURIComponent(p.partnerId)
          + "/resume-webhook", () => p.partnerId + ": webhook resumed"));
        resumeCell.appendChild(button);
      }
      const state = push.suspended ? "suspended" : (push.state || "unknown");
      return row([el("td", p.displayName + " (" + p.partnerId + ")"), el("td", p.webhookUrl),
        el("td", state, state), num(push.consecutiveFailures ?? "-"), num(push.pending ?? "-"), el("td", last),
        resumeCell], { "data-partner": p.partnerId, "data-state": state });
    }));
  }

  async function act(button, path, describe) {
    button.disabled = true;
    actionResult.textContent = "working…";
    try {
      const response = await fetch(path, { method: "POST", headers: { "Authorization": "Bearer " + tokenInput.value } });
      const body = await response.json().catch(() => ({}));
      actionResult.textContent = response.ok ? describe(body)
        : "refused (" + response.status + "): " + (body.detail || body.title || "no reason given");
      actionResult.className = response.ok ? "" : "error";
    } catch (e) {
      actionResult.textContent = "the ops service did not answer: " + e;
      actionResult.className = "error";
    } finally {
      button.disabled = false;
      refresh();
    }
  }

  async function refresh() {
    clearTimeout(timer);
    try {
      const stage = stageSelect.value;
      const response = await fetch("/v1/ops/snapshot" + (stage ? "?stage=" + encodeURIComponent(stage) : ""),
        { cache: "no-store" });
      if (!response.ok) throw new Error("HTTP " + response.status);
      render(await response.json());
    } catch (e) {
      statusLine.textContent = "the ops service does not answer (" + e.message + "); retrying";
      statusLine.className = "stale";
    } finally {
      timer = setTimeout(refresh, refreshMillis);
    }
  }

  refresh();
})();
