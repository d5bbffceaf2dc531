// The year data's form, generated from its JSON Schema (`GET /v1/schema`): one control per
// field, named by its data path (`organizations.0.activities.1.text`), labelled and explained
// in Vietnamese by the schema's `title` and `description`, in the order of its `x-order`.
// Repeatable groups can be added, removed and moved; optional groups added and removed.

/** The schema node `node` stands for, its `$ref` followed. */
export function resolve(schema, node) {
  let resolved = node;
  while (resolved && resolved.$ref) {
    const name = resolved.$ref.replace("#/$defs/", "");
    const { $ref, ...own } = resolved;
    resolved = { ...schema.$defs[name], ...own };
    // A field's own title goes with its own help: the type's (English) description is not it.
    if (own.title && !("description" in own)) delete resolved.description;
  }
  return resolved || {};
}

/** What kind of control a resolved schema node needs. */
function kindOf(node) {
  if (Array.isArray(node.oneOf) && node.oneOf.every((option) => "const" in option)) return "choice";
  if (node.type === "object") return "object";
  if (node.type === "array") return "array";
  if (node.type === "integer") return "integer";
  if (node.type === "number") return "decimal";
  if (node.format === "date") return "date";
  return "text";
}

/** An object's property names in the document's order, any not in `x-order` last. */
function propertyNames(node) {
  const names = Object.keys(node.properties || {});
  const ordered = (node["x-order"] || []).filter((name) => names.includes(name));
  return [...ordered, ...names.filter((name) => !ordered.includes(name)).sort()];
}

/** The value a blank form starts with: required fields empty, required lists with their minimum. */
export function blank(schema, node) {
  const resolved = resolve(schema, node);
  switch (kindOf(resolved)) {
    case "object": {
      const value = {};
      for (const name of resolved.required || []) {
        value[name] = blank(schema, resolved.properties[name]);
      }
      return value;
    }
    case "array":
      return Array.from({ length: resolved.minItems || 0 }, () => blank(schema, resolved.items));
    case "choice":
      return resolved.default ?? resolved.oneOf[0].const;
    default:
      return "";
  }
}

/** The value at `path` (a list of keys) in `data`. */
export function getAt(data, path) {
  return path.reduce((value, key) => (value == null ? undefined : value[key]), data);
}

/** Sets (or, for `undefined`, removes) the value at `path`, creating objects on the way. */
export function setAt(data, path, value) {
  let parent = data;
  for (const key of path.slice(0, -1)) {
    if (parent[key] == null || typeof parent[key] !== "object") parent[key] = {};
    parent = parent[key];
  }
  const last = path[path.length - 1];
  if (value === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = value;
}

/** The control name of a data path: `organizations.0.name`. */
export function nameOf(path) {
  return path.join(".");
}

/** The element id of a data path. */
export function idOf(path) {
  return `f-${path.join("-")}`;
}

const MULTIPLIERS = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 };

/**
 * A whole number as a clerk types it: "200.000.000", "200 000 000", "200 triệu", "27,3 triệu",
 * "1,2 tỷ"; or `null` when it is not one.
 */
export function parseWhole(text) {
  const trimmed = text.trim().toLocaleLowerCase("vi").replace(/\s*đồng$/, "");
  const short = /^(\d+(?:,\d+)?)\s*(nghìn|ngàn|triệu|tỷ|tỉ)$/.exec(trimmed);
  if (short) {
    const value = Math.round(Number(short[1].replace(",", ".")) * MULTIPLIERS[short[2]]);
    return Number.isSafeInteger(value) ? value : null;
  }
  if (!/^\d{1,3}([. ]\d{3})*$|^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(/[. ]/g, ""));
  return Number.isSafeInteger(value) ? value : null;
}

/** `text` as a sentence: a capital first letter and a final full stop. */
export function sentence(text) {
  const capitalised = text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** A whole number with Vietnamese grouping: 200.000.000. */
export function grouped(value) {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** The data path of a control name: `organizations.0.name` → `["organizations", 0, "name"]`. */
function toPath(name) {
  return name.split(".").map((key) => (/^\d+$/.test(key) ? Number(key) : key));
}

/** The kinds of figure, as "Loại số liệu" offers them, and the fields each kind has. */
const FIGURE_KINDS = [
  ["amount", "Tiền (đồng)", ["amount"]],
  ["count", "Số lượng, có đơn vị tính", ["count", "unit", "table_unit"]],
  ["percent", "Tỷ lệ phần trăm", ["percent"]],
  ["ratio", "Tỷ số (phần trên tổng)", ["ratio", "unit", "table_unit"]],
];

/** Every field that only some kinds of figure have. */
const FIGURE_FIELDS = new Set(FIGURE_KINDS.flatMap(([, , fields]) => fields));

/** Whether an object is a figure: money, a count, a percentage or a ratio. */
function isFigureObject(node) {
  return Boolean(node.properties?.amount && node.properties?.count && node.properties?.ratio);
}

/** Which kind a figure is, from the fields it has; money when it has none yet. */
function figureKind(value) {
  if (!value) return "amount";
  if (value.percent !== undefined) return "percent";
  if (value.ratio !== undefined) return "ratio";
  if (value.count !== undefined || value.unit !== undefined) return "count";
  return "amount";
}

/** Whether `name` shows on a figure of kind `figure`. */
function figureShows(figure, name) {
  return !FIGURE_FIELDS.has(name) || FIGURE_KINDS.find(([kind]) => kind === figure)[2].includes(name);
}

/** A decimal as a clerk types it, "12,5" or "12.5", or null. */
export function parseDecimal(text) {
  const trimmed = text.trim();
  return /^\d+(?:[.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(",", ".")) : null;
}

/** Whether an integer field holds figures a clerk reads grouped (money, counts), not a year. */
function isFigure(node) {
  return !(node.maximum <= 99999);
}

function element(tag, attributes = {}, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "className") made.className = value;
    else if (name === "text") made.textContent = value;
    else made.setAttribute(name, value === true ? "" : value);
  }
  made.append(...children.filter(Boolean));
  return made;
}

/**
 * Builds and rebuilds the form of `schema` over `state.data` in `container`. `onChange(path)`
 * is told after every change the clerk makes, with the path of a changed field or group.
 */
export class YearForm {
  constructor(container, schema, state, onChange) {
    this.container = container;
    this.schema = schema;
    this.state = state;
    this.onChange = onChange;
    container.addEventListener("input", (event) => this.input(event));
    container.addEventListener("click", (event) => this.click(event));
  }

  /** Draws the whole form again from the data; keeps the focus on the control it was on. */
  render(focusName) {
    const focused = focusName ?? document.activeElement?.name;
    const sections = [];
    const root = resolve(this.schema, this.schema);
    for (const name of propertyNames(root)) {
      sections.push(this.section(root, name));
    }
    this.container.replaceChildren(...sections);
    if (focused) this.focus(focused);
  }

  /** Moves the focus to the control named `name`, or to the group of that path. */
  focus(name) {
    const target =
      this.container.querySelector(`[name="${CSS.escape(name)}"]`) ||
      this.container.querySelector(`[data-path="${CSS.escape(name)}"] :is(input, textarea, select, button)`);
    target?.focus();
  }

  /**
   * One top-level field as a card: a group or a list under its heading and help, or a single
   * field, whose own label and help say it once.
   */
  section(root, name) {
    const node = resolve(this.schema, root.properties[name]);
    const path = [name];
    const title = node.title || name;
    const required = (root.required || []).includes(name);
    if (!["object", "array"].includes(kindOf(node))) {
      const card = element("section", { className: "card form-section", "aria-label": title, "data-path": name });
      card.append(...this.content(node, path, title, required));
      return card;
    }
    const headingId = `${idOf(path)}--heading`;
    const card = element("section", { className: "card form-section", "aria-labelledby": headingId, "data-path": name });
    card.append(element("h2", { id: headingId, text: title }));
    if (node.description) card.append(element("p", { className: "hint", text: node.description }));
    card.append(...this.content(node, path, title, required));
    return card;
  }

  /** The controls of the value at `path`, which `node` describes. */
  content(node, path, title, required) {
    const value = getAt(this.state.data, path);
    const kind = kindOf(node);
    if (kind === "object" && !required && value === undefined) {
      return [this.button("add-optional", path, `Thêm mục “${title}”`, "secondary")];
    }
    if (kind === "object") {
      const figure = isFigureObject(node) ? figureKind(value) : null;
      const parts = propertyNames(node)
        .filter((name) => !figure || figureShows(figure, name))
        .map((name) => this.property(node, [...path, name]));
      if (figure) parts.splice(propertyNames(node).indexOf("amount"), 0, this.figureChoice(path, figure));
      if (!required) parts.push(this.button("remove-optional", path, `Bỏ mục “${title}”`, "link"));
      return parts;
    }
    if (kind === "array") return [this.list(node, path, title)];
    return [this.field(node, path, title, false)];
  }

  /** A property of an object: a nested group in a fieldset, a list, or a field. */
  property(parent, path) {
    const name = path[path.length - 1];
    const node = resolve(this.schema, parent.properties[name]);
    const title = node.title || name;
    const required = (parent.required || []).includes(name);
    const kind = kindOf(node);
    if (kind === "object" || kind === "array") {
      const group = element("fieldset", { className: "group", "data-path": nameOf(path) });
      group.append(element("legend", { text: title }));
      if (node.description) group.append(element("p", { className: "hint", text: node.description }));
      group.append(...this.content(node, path, title, required));
      return group;
    }
    return this.field(node, path, title, !required);
  }

  /** A list: its items, each with move and remove buttons, and an add button. */
  list(node, path, title) {
    const items = getAt(this.state.data, path) || [];
    const itemNode = resolve(this.schema, node.items);
    const itemKind = kindOf(itemNode);
    const itemTitle = itemNode.title || title;
    if (node.minItems !== undefined && node.minItems === node.maxItems && itemKind !== "object") {
      return this.tuple(node, itemNode, path, title);
    }
    const list = element("ol", { className: `items items-${itemKind}`, "data-path": nameOf(path) });
    items.forEach((_, index) => {
      const itemPath = [...path, index];
      const label = `${itemTitle} ${index + 1}`;
      const tools = element(
        "div",
        { className: "item-tools" },
        this.button("move-up", itemPath, "↑", "icon", `Chuyển ${label} lên`, index === 0),
        this.button("move-down", itemPath, "↓", "icon", `Chuyển ${label} xuống`, index === items.length - 1),
        this.button("remove", itemPath, "Xóa", "icon", `Xóa ${label}`),
      );
      const item = element("li", { className: "item", "data-path": nameOf(itemPath) });
      if (itemKind === "object") {
        item.append(element("div", { className: "item-head" }, element("h3", { text: label }), tools));
        item.append(...this.content(itemNode, itemPath, label, true));
      } else {
        item.append(this.field(itemNode, itemPath, label, false, true), tools);
      }
      list.append(item);
    });
    const add = this.button("add", path, `Thêm ${itemTitle.toLocaleLowerCase("vi")}`, "secondary");
    return element("div", { className: "list" }, list, add);
  }

  /**
   * A list of a fixed length (a ratio's part and whole): one field per place, named by the
   * schema's `x-item-titles`, with nothing to add, remove or move.
   */
  tuple(node, itemNode, path, title) {
    const titles = node["x-item-titles"] || [];
    const group = element("fieldset", { className: "tuple", "data-path": nameOf(path) }, element("legend", { text: title }));
    for (let index = 0; index < node.minItems; index += 1) {
      group.append(this.field(itemNode, [...path, index], titles[index] || `${title} ${index + 1}`, false, true));
    }
    return group;
  }

  /** One labelled control with its help and its error line. */
  field(node, path, title, optional, inList = false) {
    const name = nameOf(path);
    const id = idOf(path);
    const value = getAt(this.state.data, path);
    const hintId = node.description && !inList ? `${id}--hint` : null;
    const errorId = `${id}--error`;
    const figures = this.figureList(path);
    const readsId = figures ? `${id}--reads` : null;
    const describedBy = [readsId, hintId, errorId].filter(Boolean).join(" ");
    const common = { id, name, "aria-describedby": describedBy, "data-kind": kindOf(node) };
    let control;
    switch (kindOf(node)) {
      case "choice": {
        control = element("select", common);
        if (optional) control.append(element("option", { value: "", text: "(không có)" }));
        for (const option of node.oneOf) {
          control.append(element("option", { value: option.const, text: option.title || option.const }));
        }
        control.value = value ?? "";
        break;
      }
      case "integer": {
        const shown = typeof value === "number" && isFigure(node) ? grouped(value) : (value ?? "");
        control = element("input", { ...common, type: "text", inputmode: "numeric", autocomplete: "off", value: shown });
        break;
      }
      case "decimal": {
        const shown = typeof value === "number" ? String(value).replace(".", ",") : (value ?? "");
        control = element("input", { ...common, type: "text", inputmode: "decimal", autocomplete: "off", value: shown });
        break;
      }
      case "date":
        control = element("input", { ...common, type: "date", value: value ?? "" });
        break;
      default:
        if (inList || path[path.length - 1] === "text") {
          control = element("textarea", { ...common, rows: inList ? 2 : 3 });
          control.value = value ?? "";
        } else {
          control = element("input", { ...common, type: "text", value: value ?? "" });
        }
    }
    const label = element("label", { for: id, className: inList ? "item-label" : null, text: title });
    const field = element("div", { className: "field", "data-path": name }, label, control);
    if (kindOf(node) === "integer" && isFigure(node)) {
      field.append(element("p", { className: "reading", id: `${id}--reading`, "aria-live": "polite" }));
    }
    if (figures && control.tagName === "TEXTAREA") {
      field.append(this.picker(control, title, figures));
      // How the sentence will read, its figures filled in: written by the editor from the
      // server's `POST /v1/readings`.
      field.append(element("p", { className: "reads", id: readsId, hidden: true }));
    }
    if (hintId) field.append(element("p", { className: "hint", id: hintId, text: node.description }));
    field.append(element("p", { className: "field-error", id: errorId, hidden: true }));
    return field;
  }

  /** "Loại số liệu": the kind of figure, which shows the fields that kind has. */
  figureChoice(path, figure) {
    const group = element("fieldset", { className: "figure-kind" }, element("legend", { text: "Loại số liệu" }));
    for (const [kind, text] of FIGURE_KINDS) {
      const radio = element("input", {
        type: "radio",
        name: `${nameOf(path)}:kind`,
        id: `${idOf(path)}--${kind}`,
        value: kind,
        checked: figure === kind,
        "data-figure": nameOf(path),
      });
      group.append(element("label", { className: "check", for: radio.id }, radio, text));
    }
    return group;
  }

  /**
   * Turns a figure into another kind and draws the form again; between money and a count the
   * number is kept.
   */
  switchFigure(radio) {
    const path = toPath(radio.dataset.figure);
    const figure = getAt(this.state.data, path);
    const number = figure.amount ?? figure.count;
    for (const name of FIGURE_FIELDS) delete figure[name];
    const kind = radio.value;
    figure[kind] = kind === "amount" || kind === "count" ? (number ?? "") : blank(this.schema, this.nodeAt([...path, kind]));
    this.render(radio.name);
    this.container.querySelector(`[id="${radio.id}"]`)?.focus();
    this.onChange(radio.dataset.figure);
  }

  /**
   * The path of the list of figures a text's `{key}` placeholders name: a sibling list of
   * objects with a `key` (an activity's `quantities`, a program item's `targets`), or null.
   */
  figureList(path) {
    const parentPath = path.slice(0, -1);
    const parent = this.nodeAt(parentPath);
    for (const name of propertyNames(parent)) {
      const sibling = resolve(this.schema, parent.properties[name]);
      if (sibling.type === "array" && resolve(this.schema, sibling.items).properties?.key) {
        return [...parentPath, name];
      }
    }
    return null;
  }

  /** "Chèn số liệu": a list of the figures' keys; choosing one writes `{key}` at the caret. */
  picker(textarea, title, figures) {
    const select = element("select", {
      className: "picker",
      "aria-label": `Chèn số liệu vào “${title}”`,
      "data-picker-for": textarea.id,
    });
    // Filled again whenever the clerk changes a figure (see `input`).
    select.fill = () => {
      const items = getAt(this.state.data, figures) || [];
      const options = items
        .filter((figure) => figure && typeof figure.key === "string" && figure.key !== "")
        .map((figure) => element("option", { value: figure.key, text: `{${figure.key}} ${figure.label || ""}`.trim() }));
      const first = options.length > 0 ? "Chèn số liệu…" : "Chèn số liệu… (thêm số liệu ở dưới trước)";
      select.replaceChildren(element("option", { value: "", text: first }), ...options);
    };
    select.fill();
    select.addEventListener("change", () => {
      if (select.value === "") return;
      const textarea = document.getElementById(select.dataset.pickerFor);
      const placeholder = `{${select.value}}`;
      const at = textarea.selectionStart ?? textarea.value.length;
      const end = textarea.selectionEnd ?? at;
      const before = textarea.value.slice(0, at);
      const space = before === "" || /\s$/.test(before) ? "" : " ";
      textarea.value = `${before}${space}${placeholder}${textarea.value.slice(end)}`;
      const caret = at + space.length + placeholder.length;
      textarea.setSelectionRange(caret, caret);
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
      select.value = "";
      textarea.focus();
    });
    return select;
  }

  button(action, path, text, style, label, disabled) {
    return element("button", {
      type: "button",
      className: style,
      "data-action": action,
      "data-target": nameOf(path),
      "aria-label": label,
      disabled,
      text,
    });
  }

  /** The schema node of a data path. */
  nodeAt(path) {
    let node = resolve(this.schema, this.schema);
    for (const key of path) {
      node = resolve(this.schema, typeof key === "number" ? node.items : node.properties[key]);
    }
    return node;
  }

  /** A typed character: the data follows the control. */
  input(event) {
    const control = event.target;
    if (control.dataset.figure) return this.switchFigure(control);
    if (!control.name) return;
    const path = toPath(control.name);
    const parent = this.nodeAt(path.slice(0, -1));
    const key = path[path.length - 1];
    const optional = typeof key === "string" && !(parent.required || []).includes(key);
    const text = control.value;
    let value = text;
    if (control.dataset.kind === "integer") {
      const whole = parseWhole(text);
      value = whole ?? text;
      const reading = document.getElementById(`${control.id}--reading`);
      if (reading) reading.textContent = whole !== null && text.trim() !== grouped(whole) ? `= ${grouped(whole)}` : "";
    }
    if (control.dataset.kind === "decimal") value = parseDecimal(text) ?? text;
    if (text === "" && optional) value = undefined;
    setAt(this.state.data, path, value);
    if (key === "key" || key === "label") {
      for (const picker of this.container.querySelectorAll(".picker")) picker.fill();
    }
    this.onChange(control.name);
  }

  /** A button: add, remove or move a group. */
  click(event) {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const target = button.dataset.target;
    const path = toPath(target);
    const data = this.state.data;
    let focus = target;
    switch (button.dataset.action) {
      case "add-optional":
        setAt(data, path, blank(this.schema, this.nodeAt(path)));
        break;
      case "remove-optional":
        setAt(data, path, undefined);
        break;
      case "add": {
        const list = getAt(data, path) || [];
        list.push(blank(this.schema, this.nodeAt(path).items));
        setAt(data, path, list);
        focus = nameOf([...path, list.length - 1]);
        break;
      }
      default: {
        const list = getAt(data, path.slice(0, -1));
        const index = path[path.length - 1];
        if (button.dataset.action === "remove") {
          list.splice(index, 1);
          focus = list.length > 0 ? nameOf([...path.slice(0, -1), Math.min(index, list.length - 1)]) : nameOf(path.slice(0, -1));
        } else {
          const to = button.dataset.action === "move-up" ? index - 1 : index + 1;
          [list[index], list[to]] = [list[to], list[index]];
          focus = nameOf([...path.slice(0, -1), to]);
        }
      }
    }
    this.render(focus);
    this.onChange(target);
  }
}
