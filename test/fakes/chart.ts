/**
 * Embedded charts, minimally: Sheet.newChart() → builder → build() → Sheet.insertChart().
 * Only the members below exist; anything else throws "is not modelled".
 */
import { exposeAs, rawOf } from "./core";
import type { FakeRange } from "./range";
import type { FakeSheet } from "./sheet";

type Range = GoogleAppsScript.Spreadsheet.Range;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type EmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** What a chart holds; the builder and the chart share the shape. */
export interface ChartSpec {
  /** "COLUMN", "LINE", … as set by asColumnChart() and friends; "" until one is chosen. */
  type: string;
  ranges: FakeRange[];
  options: Map<string, unknown>;
  numHeaders: number;
  position: { row: number; col: number; offsetX: number; offsetY: number };
}

const BUILDER_MEMBERS = [
  "asColumnChart", "asLineChart", "asBarChart", "addRange", "clearRanges", "setNumHeaders", "setOption",
  "setPosition", "setStacked", "setTitle", "setXAxisTitle", "setYAxisTitle", "setLegendPosition", "build",
] as const;

type ModelledBuilder = Pick<EmbeddedChartBuilder, Exclude<(typeof BUILDER_MEMBERS)[number], "asColumnChart" | "asLineChart" | "asBarChart" | "setStacked" | "setTitle" | "setXAxisTitle" | "setYAxisTitle" | "setLegendPosition">>;

export class FakeEmbeddedChartBuilder implements ModelledBuilder {
  readonly api: EmbeddedChartBuilder;
  private readonly spec: ChartSpec;

  constructor(
    private readonly sheet: FakeSheet,
    from?: ChartSpec,
  ) {
    this.spec = from
      ? { ...from, ranges: [...from.ranges], options: new Map(from.options), position: { ...from.position } }
      : { type: "", ranges: [], options: new Map(), numHeaders: -1, position: { row: 1, col: 1, offsetX: 0, offsetY: 0 } };
    this.api = exposeAs<EmbeddedChartBuilder>(this, { label: "FakeEmbeddedChartBuilder", members: BUILDER_MEMBERS });
  }

  private as(type: string): never {
    this.spec.type = type;
    return this.api as never;
  }
  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.as("COLUMN");
  }
  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.as("LINE");
  }
  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.as("BAR");
  }
  addRange(range: Range): EmbeddedChartBuilder {
    this.spec.ranges.push(rawOf<FakeRange>(range));
    return this.api;
  }
  clearRanges(): EmbeddedChartBuilder {
    this.spec.ranges = [];
    return this.api;
  }
  setNumHeaders(headers: number): EmbeddedChartBuilder {
    this.spec.numHeaders = headers;
    return this.api;
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this.spec.options.set(option, value);
    return this.api;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilder {
    for (const n of [anchorRowPos, anchorColPos, offsetX, offsetY]) {
      if (!Number.isInteger(n) || n < 0) throw new Error(`Invalid chart position ${String(n)}`);
    }
    this.spec.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this.api;
  }
  // Typed builders' setters are options on the chart, as in Apps Script.
  setStacked(): never {
    return this.setOption("isStacked", true) as never;
  }
  setTitle(title: string): never {
    return this.setOption("title", title) as never;
  }
  setXAxisTitle(title: string): never {
    return this.setOption("hAxis.title", title) as never;
  }
  setYAxisTitle(title: string): never {
    return this.setOption("vAxis.title", title) as never;
  }
  setLegendPosition(position: unknown): never {
    return this.setOption("legend.position", String(position)) as never;
  }
  build(): EmbeddedChart {
    if (this.spec.type === "") throw new Error("Chart type is not set: call asColumnChart() or similar first.");
    if (this.spec.ranges.length === 0) throw new Error("A chart needs at least one range.");
    return new FakeEmbeddedChart(this.sheet, this.spec).api;
  }
}

const CHART_MEMBERS = ["getChartId", "getRanges", "getOptions", "getNumHeaders", "getContainerInfo", "modify"] as const;

export class FakeEmbeddedChart implements Pick<EmbeddedChart, (typeof CHART_MEMBERS)[number]> {
  readonly api: EmbeddedChart;
  /** Set when the chart is inserted into a sheet. */
  id: number | null = null;

  constructor(
    readonly sheet: FakeSheet,
    readonly spec: ChartSpec,
  ) {
    this.api = exposeAs<EmbeddedChart>(this, { label: "FakeEmbeddedChart", members: CHART_MEMBERS });
  }
  getChartId(): number | null {
    return this.id;
  }
  getRanges(): Range[] {
    return this.spec.ranges.map((r) => r.api);
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = this.spec.options;
    return exposeAs<GoogleAppsScript.Charts.ChartOptions>({ get: (key: string) => options.get(key) ?? null }, { label: "FakeChartOptions", members: ["get"] });
  }
  getNumHeaders(): number {
    return this.spec.numHeaders;
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    const p = this.spec.position;
    const info: GoogleAppsScript.Spreadsheet.ContainerInfo = {
      getAnchorRow: () => p.row, getAnchorColumn: () => p.col, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY,
    };
    return exposeAs(info, { label: "FakeContainerInfo", members: ["getAnchorRow", "getAnchorColumn", "getOffsetX", "getOffsetY"] });
  }
  modify(): EmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.sheet, this.spec).api;
  }
}
