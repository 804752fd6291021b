import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef<I extends string> {
  id: I;
  label: string;
  panel: ComponentChildren;
}

const STEP: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * WAI-ARIA tabs: one tab stop for the row, arrow keys (and Home/End) move between tabs. Every
 * panel stays mounted (hidden when not selected), so what was typed in one survives a look at another.
 */
export function Tabs<I extends string>(props: { idPrefix: string; label: string; tabs: readonly TabDef<I>[]; selected: I; onSelect(id: I): void }) {
  const { idPrefix, label, tabs, selected, onSelect } = props;
  const list = useRef<HTMLDivElement>(null);
  const tabId = (id: I) => `${idPrefix}-tab-${id}`;
  const panelId = (id: I) => `${idPrefix}-panel-${id}`;
  const onKeyDown = (event: KeyboardEvent) => {
    const step = STEP[event.key];
    if (!step) return;
    event.preventDefault();
    const next = tabs[step(tabs.findIndex((tab) => tab.id === selected), tabs.length)];
    if (!next) return;
    onSelect(next.id);
    list.current?.querySelector<HTMLElement>(`#${tabId(next.id)}`)?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabId(tab.id)}
            aria-selected={tab.id === selected}
            aria-controls={panelId(tab.id)}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} class="tab-panel" role="tabpanel" id={panelId(tab.id)} aria-labelledby={tabId(tab.id)} hidden={tab.id !== selected}>
          {tab.panel}
        </div>
      ))}
    </>
  );
}
