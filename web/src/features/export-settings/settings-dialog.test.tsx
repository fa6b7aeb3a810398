import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ExportResult, ImportResult } from '@poolscope/shared/export-protocol';
import type { Ack, LabConfig } from '@poolscope/shared/protocol';
import { DEFAULT_LOAD_CONFIG, DEFAULT_POOL_CONFIG } from '@poolscope/shared/config-rules';

const commands = vi.hoisted(() => ({
  fetchLibraryExport: vi.fn<(library: string, scale: number) => Promise<Ack<ExportResult>>>(),
  importLibrarySettings: vi.fn<(library: string, text: string) => Promise<Ack<ImportResult>>>(),
  patchConfig: vi.fn<(patch: unknown) => Promise<Ack<LabConfig>>>(),
}));
vi.mock('../../lib/commands', () => commands);

const { SettingsDialogButton } = await import('./settings-button');
const { renderWithStores } = await import('../../test-support/render-with-stores');
const { i18n } = await import('../../i18n/i18n');

const exportOf = (library: string, scale: number): Ack<ExportResult> => ({
  ok: true,
  data: {
    library,
    format: 'json',
    text: `text for ${library} ×${scale}`,
    notes: [
      { knob: 'maxOpen', mapping: 'exact', message: `max for ` + `${library}` },
      { knob: 'maxIdle', mapping: 'none', message: 'keeps every idle one' },
    ],
  },
});

beforeEach(() => {
  commands.fetchLibraryExport.mockImplementation(async (library, scale) => exportOf(library, scale));
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => {}) }, configurable: true });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const openDialog = () => {
  const { live: liveStore } = renderWithStores(<SettingsDialogButton />);
  const opener = screen.getByRole('button', { name: 'Use these settings in…' });
  opener.focus();
  fireEvent.click(opener);
  return { opener, dialog: screen.getByRole('dialog', { name: 'Use these settings in a real pool' }), liveStore };
};

describe('the "Use these settings in…" dialog', () => {
  it("speaks Chinese: the opener, tabs, labels and mapping words, with the server's notes shown as they came", async () => {
    await i18n.changeLanguage('zh-CN');
    renderWithStores(<SettingsDialogButton />);
    fireEvent.click(screen.getByRole('button', { name: '在真实连接池中使用这些设置…' }));
    const dialog = screen.getByRole('dialog', { name: '在真实连接池中使用这些设置' });
    expect(
      within(dialog)
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual(['导出', '导入']);
    expect(within(dialog).getByRole('combobox', { name: '连接池库' })).toBeTruthy();
    const notes = await within(dialog).findByRole('list', { name: '每个实验室参数如何对应' });
    expect(
      within(notes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['maxOpen 完全对应max for hikaricp', 'maxIdle 无对应项keeps every idle one']);
    expect(within(dialog).getByRole('button', { name: '复制' })).toBeTruthy();
  });

  it('is a modal dialog that takes focus, keeps Tab inside, and closes on Escape giving focus back', () => {
    const { opener, dialog } = openDialog();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(document.activeElement)).toBe(true);
    const focusable = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), select, textarea')];
    focusable[focusable.length - 1]!.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(document.activeElement).toBe(focusable[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(focusable[focusable.length - 1]);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("shows the chosen library's text and per-knob notes, refetches on a new library or scale, and copies the text", async () => {
    const { dialog } = openDialog();
    await waitFor(() =>
      expect((within(dialog).getByRole('textbox', { name: 'Settings ' + 'text' }) as HTMLTextAreaElement).value).toBe(
        'text for hikaricp ×1',
      ),
    );
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Library' }), { target: { value: 'pg' } });
    await waitFor(() =>
      expect((within(dialog).getByRole('textbox', { name: 'Settings ' + 'text' }) as HTMLTextAreaElement).value).toBe('text for pg ×1'),
    );
    expect(within(within(dialog).getByRole('list', { name: 'How each lab knob maps' })).getByText('max for pg')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Scale lab lifetimes' }), { target: { value: '60' } });
    await waitFor(() => expect(commands.fetchLibraryExport).toHaveBeenLastCalledWith('pg', 60));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Settings text' })).toHaveProperty('value', 'text for pg ×60'));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Copy' }));
    });
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith('text for pg ×60');
    expect(within(dialog).getByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it("shows the server's message when the export fails", async () => {
    commands.fetchLibraryExport.mockResolvedValue({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'the lab is ' + 'away', details: [] },
    });
    const { dialog } = openDialog();
    expect((await within(dialog).findByRole('alert')).textContent).toContain('the lab is away');
  });

  it('imports: previews the patch without applying it, then Apply sends it through config:patch', async () => {
    commands.importLibrarySettings.mockResolvedValue({
      ok: true,
      data: {
        library: 'pg',
        patch: { maxOpen: 20, idleTimeoutMs: 30_000 },
        notes: [{ knob: 'maxOpen', mapping: 'exact', message: 'max ' + '→ maxOpen.' }],
      },
    });
    const config: LabConfig = { pool: { ...DEFAULT_POOL_CONFIG, maxOpen: 20, idleTimeoutMs: 30_000 }, load: DEFAULT_LOAD_CONFIG };
    commands.patchConfig.mockResolvedValue({ ok: true, data: config });
    const { dialog, liveStore } = openDialog();
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Import' }));
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Library' }), { target: { value: 'pg' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: "Paste the library's settings" }), { target: { value: '{"max": 20}' } });
    expect(within(dialog).getByRole('button', { name: 'Apply to the lab' })).toHaveProperty('disabled', true);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    });
    expect(commands.importLibrarySettings).toHaveBeenCalledWith('pg', '{"max": 20}');
    const patch = within(dialog).getByRole('list', { name: 'Changes to the lab' });
    expect(patch.textContent).toContain('maxOpen: 20');
    expect(patch.textContent).toContain('idleTimeoutMs: 30000');
    expect(commands.patchConfig).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Apply to the lab' }));
    });
    expect(commands.patchConfig).toHaveBeenCalledWith({ pool: { maxOpen: 20, idleTimeoutMs: 30_000 } });
    expect(liveStore.config?.pool.maxOpen).toBe(20);
    expect(within(dialog).getByRole('status').textContent).toBe('Applied to the lab.');
  });

  it('shows an import parse error naming the line', async () => {
    commands.importLibrarySettings.mockResolvedValue({
      ok: false,
      error: {
        code: 'IMPORT_PARSE_FAILED',
        message: 'hikaricp text ' + 'does not parse, nothing imported: line 2: idleTimeout must be a non-negative number',
        details: [],
      },
    });
    const { dialog } = openDialog();
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Import' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: "Paste the library's " + 'settings' }), {
      target: { value: 'idleTimeout=soon' },
    });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    });
    expect(within(dialog).getByRole('alert').textContent).toContain('line 2');
    expect(within(dialog).getByRole('button', { name: 'Apply to the lab' })).toHaveProperty('disabled', true);
  });
});
