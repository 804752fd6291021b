import { describe, expect, it } from 'vitest';

import { click, fakeBackground, mount, submit, type } from '@/components/ui/test-utils';
import { DEFAULT_POLICY } from '@/lib/policy/table';
import { GlossaryPage } from './GlossaryPage';

const note = (code: string, meaning: string) => ({ code, meaning, updatedAt: Date.UTC(2025, 10, 1) });

async function page(glossary = [note('FR-123', 'Carton over weight')]) {
  const background = fakeBackground({ glossary });
  const ui = await mount(<GlossaryPage lang="en" send={background.send} policy={DEFAULT_POLICY} />);
  return { ui, ...background };
}

describe('glossary editor', () => {
  it('shows the documented codes read-only, with their source', async () => {
    const { ui } = await page();
    const documented = ui.get('[data-code="ES-402"]');
    expect(documented.textContent).toContain('Label information incomplete');
    expect(documented.querySelector('input, button')).toBeNull();
    expect(ui.get('#glossary-documented').parentElement?.textContent).toContain('§5 Failure causes and event codes');
  });

  it("adds a note, typed loosely, and lists it", async () => {
    const { ui, world } = await page([]);
    expect(ui.text()).toContain('No notes yet.');
    await type(ui.field('Event code'), ' pl-555');
    await type(ui.field('Meaning'), '  Pallet too high ');
    await submit(ui.field('Meaning'));
    expect(world.requests).toContainEqual({ type: 'glossary/put', code: 'PL-555', meaning: 'Pallet too high' });
    expect(ui.get('[role="status"]').textContent).toContain('Saved the meaning of PL-555.');
    expect(ui.field<HTMLInputElement>('PL-555').value).toBe('Pallet too high');
    expect(ui.field<HTMLInputElement>('Event code').value).toBe('');
  });

  it('changes a note', async () => {
    const { ui, world } = await page();
    await type(ui.field('FR-123'), 'Carton over 30 kg');
    await click(ui.button('Save'));
    expect(world.glossary).toEqual([expect.objectContaining({ code: 'FR-123', meaning: 'Carton over 30 kg' })]);
  });

  it('deletes a note', async () => {
    const { ui, world } = await page();
    const remove = ui.button('Delete');
    expect(remove.getAttribute('aria-label')).toBe('Delete the note of FR-123');
    await click(remove);
    expect(world.glossary).toEqual([]);
    expect(ui.root.querySelector('[data-code="FR-123"]')).toBeNull();
    expect(ui.get('[role="status"]').textContent).toContain('Deleted the note of FR-123.');
  });

  it.each([
    ['ES402', 'x', 'Event code', 'A code is two letters, a dash and three digits'],
    ['ES-402', 'mine', 'Event code', 'This code has a documented meaning'],
    ['PL-555', '   ', 'Meaning', 'Fill this in'],
    ['PL-555', 'x'.repeat(501), 'Meaning', 'This note is too long'],
  ])('refuses %j / %j with its reason, sending nothing', async (code, meaning, label, message) => {
    const { ui, world } = await page([]);
    await type(ui.field('Event code'), code);
    await type(ui.field('Meaning'), meaning);
    await submit(ui.field('Meaning'));
    expect(ui.field(label).closest('.field')?.querySelector('.problem')?.textContent).toContain(message);
    expect(world.requests.map((r) => r.type)).toEqual(['glossary/list']);
  });

  it("says so when the worker cannot save, keeping the seller's text", async () => {
    const failing = fakeBackground({ failures: { 'glossary/put': { key: 'history_error_failed', detail: 'quota' } } });
    const ui = await mount(<GlossaryPage lang="en" send={failing.send} policy={DEFAULT_POLICY} />);
    await type(ui.field('Event code'), 'PL-555');
    await type(ui.field('Meaning'), 'Pallet too high');
    await submit(ui.field('Meaning'));
    expect(ui.get('[role="alert"]').textContent).toContain('The history operation did not complete');
    expect(ui.get('[role="alert"] code').textContent).toBe('quota');
    expect(ui.field<HTMLInputElement>('Meaning').value).toBe('Pallet too high');
  });
});
