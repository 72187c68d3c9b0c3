/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The pane's own tab row (src/taskpane/Tabs.tsx): how many tabs fit, the keyboard in the row, and the 更多 menu
 * that holds the rest. jsdom lays nothing out, so the widths the row measures are given here; the e2e test
 * (test/e2e/in-place.test.ts) measures the real ones at 320 and 500 px.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Tabs, tabsThatFit, type TabItem } from '../../src/taskpane/Tabs';

type K = 'check' | 'people' | 'compute' | 'quota' | 'columns' | 'annual';
const ITEMS: TabItem<K>[] = [
  { value: 'check', label: '检查' },
  { value: 'people', label: '人员' },
  { value: 'compute', label: '计算' },
  { value: 'quota', label: '名额' },
  { value: 'columns', label: '列对应' },
  { value: 'annual', label: '年度汇总' },
];

describe('tabsThatFit', () => {
  const widths = [52, 52, 52, 52, 66, 80];
  const more = (i: number | null) => (i === null ? 62 : widths[i]! + 20);

  it('keeps every tab in the row when they all fit, with no menu', () => {
    expect(tabsThatFit(widths, 354, 0, more)).toBe(6);
    expect(tabsThatFit(widths, 500, 5, more)).toBe(6);
  });

  it('puts the last tabs in the menu when they do not, leaving room for its button', () => {
    // 4 × 52 + 62 = 270 ≤ 296 < 4 × 52 + 66 + 62.
    expect(tabsThatFit(widths, 296, 0, more)).toBe(4);
    // The button is wider when it shows the selected tab's name (年度汇总: 100): one tab fewer fits.
    expect(tabsThatFit(widths, 296, 5, more)).toBe(3);
    // The selected tab in the row: the button says 更多.
    expect(tabsThatFit(widths, 296, 3, more)).toBe(4);
  });

  it('puts every tab in the menu when not even one fits beside it', () => {
    expect(tabsThatFit(widths, 60, 0, more)).toBe(0);
  });
});

/** Every element 60 px wide and the row 300 px: four tabs and the 更多 button (5 × 60) fit, not five. */
function narrow(): () => void {
  const rect = jest.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({ width: 60 } as DOMRect);
  const width = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth')!;
  Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => 300 });
  return () => {
    rect.mockRestore();
    Object.defineProperty(Element.prototype, 'clientWidth', width);
  };
}

function Row({ start = 'check', onSelect = () => undefined }: { start?: K; onSelect?: (k: K) => unknown }) {
  const [tab, setTab] = useState<K>(start);
  return (
    <Tabs
      items={ITEMS}
      selected={tab}
      more="更多"
      onSelect={(k) => {
        onSelect(k);
        setTab(k);
      }}
    />
  );
}

const tabNames = () => screen.queryAllByRole('tab').map((t) => t.textContent);

afterEach(cleanup);

describe('the tab row', () => {
  it('shows every tab when they fit, the selected one reached by Tab, with no menu button', () => {
    render(<Row start="compute" />);
    expect(tabNames()).toEqual(['检查', '人员', '计算', '名额', '列对应', '年度汇总']);
    expect(screen.getByRole('tablist')).toBeTruthy();
    const selected = screen.getAllByRole('tab').filter((t) => t.getAttribute('aria-selected') === 'true');
    expect(selected.map((t) => [t.textContent, t.tabIndex])).toEqual([['计算', 0]]);
    expect(screen.getAllByRole('tab').filter((t) => t.tabIndex === 0)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /更多/ })).toBeNull();
  });

  it('moves the focus with the arrow keys (round), Home and End, and selects with Enter', async () => {
    const chosen: K[] = [];
    render(<Row onSelect={(k) => chosen.push(k)} />);
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement?.textContent).toBe('检查');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.textContent).toBe('人员');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement?.textContent).toBe('年度汇总');
    await user.keyboard('{Home}');
    expect(document.activeElement?.textContent).toBe('检查');
    await user.keyboard('{End}{ArrowLeft}{Enter}');
    expect(chosen).toEqual(['columns']);
    expect(screen.getByRole('tab', { name: '列对应' }).getAttribute('aria-selected')).toBe('true');
    // Moving the focus does not select (the views are loaded when chosen).
    await user.keyboard('{ArrowRight}');
    expect(chosen).toEqual(['columns']);
  });

  describe('when the tabs do not fit', () => {
    let restore: () => void;
    beforeEach(() => {
      restore = narrow();
    });
    afterEach(() => restore());

    it('keeps the first in the row and the rest in the 更多 menu, and the focus comes back on Escape', async () => {
      render(<Row />);
      expect(tabNames()).toEqual(['检查', '人员', '计算', '名额']);
      const more = screen.getByRole('button', { name: '更多' });
      expect([more.getAttribute('aria-haspopup'), more.getAttribute('aria-expanded')]).toEqual(['menu', 'false']);
      const user = userEvent.setup();
      await user.click(more);
      expect(more.getAttribute('aria-expanded')).toBe('true');
      const menu = screen.getByRole('menu', { name: '更多' });
      expect(screen.getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['列对应', '年度汇总']);
      expect(menu.contains(document.activeElement)).toBe(true);
      expect(document.activeElement?.textContent).toBe('列对应');
      await user.keyboard('{ArrowDown}');
      expect(document.activeElement?.textContent).toBe('年度汇总');
      await user.keyboard('{ArrowDown}');
      expect(document.activeElement?.textContent).toBe('列对应');
      await user.keyboard('{End}');
      expect(document.activeElement?.textContent).toBe('年度汇总');
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('menu')).toBeNull();
      expect(document.activeElement).toBe(more);
    });

    it('opens the menu from the keyboard, selects a tab in it, and names that tab on its button', async () => {
      const chosen: K[] = [];
      render(<Row onSelect={(k) => chosen.push(k)} />);
      const user = userEvent.setup();
      screen.getByRole('button', { name: '更多' }).focus();
      await user.keyboard('{ArrowUp}');
      expect(document.activeElement?.textContent).toBe('年度汇总');
      await user.keyboard('{Enter}');
      expect(chosen).toEqual(['annual']);
      expect(screen.queryByRole('menu')).toBeNull();
      // Every copy is 60 px here, so 更多 with its name is as wide as before: the same four tabs in the row.
      const more = screen.getByRole('button', { name: '更多：年度汇总' });
      expect(document.activeElement).toBe(more);
      expect(tabNames()).toEqual(['检查', '人员', '计算', '名额']);
      // No tab in the row is selected; the first is the one Tab reaches.
      expect(screen.getAllByRole('tab').map((t) => [t.getAttribute('aria-selected'), t.tabIndex])).toEqual([
        ['false', 0],
        ['false', -1],
        ['false', -1],
        ['false', -1],
      ]);
      // The menu marks the tab shown, and opens on it.
      await user.keyboard('{ArrowDown}');
      expect(document.activeElement?.textContent).toBe('年度汇总');
      expect(document.activeElement?.getAttribute('aria-current')).toBe('true');
      // Tab closes the menu too, back on its button.
      await user.keyboard('{Tab}');
      expect(screen.queryByRole('menu')).toBeNull();
      expect(document.activeElement).toBe(more);
    });

    it('closes the menu on a click elsewhere, choosing nothing', async () => {
      const chosen: K[] = [];
      render(
        <>
          <Row onSelect={(k) => chosen.push(k)} />
          <p>elsewhere</p>
        </>,
      );
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: '更多' }));
      expect(screen.getByRole('menu')).toBeTruthy();
      await user.click(screen.getByText('elsewhere'));
      expect(screen.queryByRole('menu')).toBeNull();
      expect(chosen).toEqual([]);
    });

    it('measures again when the row is resized', () => {
      const observers: ResizeObserverCallback[] = [];
      const real = globalThis.ResizeObserver;
      globalThis.ResizeObserver = class {
        constructor(cb: ResizeObserverCallback) {
          observers.push(cb);
        }
        observe() {}
        unobserve() {}
        disconnect() {}
      } as unknown as typeof ResizeObserver;
      try {
        render(<Row />);
        expect(tabNames()).toHaveLength(4);
        Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => 360 });
        act(() => observers.forEach((cb) => cb([], {} as ResizeObserver)));
        expect(tabNames()).toHaveLength(6);
        expect(screen.queryByRole('button', { name: /更多/ })).toBeNull();
        fireEvent.click(screen.getByRole('tab', { name: '年度汇总' }));
        expect(screen.getByRole('tab', { name: '年度汇总' }).getAttribute('aria-selected')).toBe('true');
      } finally {
        globalThis.ResizeObserver = real;
      }
    });
  });
});
