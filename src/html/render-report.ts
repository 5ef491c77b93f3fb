export function renderHtmlReport(r: unknown): string { return String(r); }
