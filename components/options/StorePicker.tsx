import { SelectField } from '@/components/ui/fields';
import { t, type Lang } from '@/lib/i18n';

export function StorePicker(props: { id: string; lang: Lang; storeIds: readonly string[]; value: string; onValue(storeId: string): void; allLabel?: string }) {
  const { id, lang, storeIds, value, onValue, allLabel } = props;
  const choices = [...(allLabel ? [{ value: '', label: allLabel }] : []), ...storeIds.map((storeId) => ({ value: storeId, label: storeId }))];
  return <SelectField id={id} lang={lang} label={t(lang, 'options_store')} value={value} choices={choices} onValue={onValue} />;
}
