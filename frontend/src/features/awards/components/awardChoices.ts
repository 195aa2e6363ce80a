import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useCatalogue } from '@/lib/catalogues';
import { useProgrammes } from '@/lib/events';
import { isoDate } from '@/lib/format';
import { useAwardPowers } from '../api/awards';

const inForce = (i: { validFrom: string; validTo?: string }, day: string) =>
  i.validFrom <= day && (i.validTo === undefined || i.validTo > day);

/**
 * What a decision may say on its date: the authorities and types in force, and the forms the
 * chosen authority may grant then (the others shown but disabled), with the programmes to link.
 */
export function useAwardChoices(authorityId: number | undefined, decidedOn: Dayjs | undefined) {
  const authorities = useCatalogue('AWARD_AUTHORITY');
  const forms = useCatalogue('AWARD_FORM');
  const types = useCatalogue('AWARD_TYPE');
  const powers = useAwardPowers();
  const programmes = useProgrammes({ size: 200 });
  const day = isoDate(decidedOn ?? dayjs());
  return useMemo(() => {
    const grantable = new Set(
      (powers.data ?? [])
        .filter((p) => p.authority.id === authorityId && inForce(p, day))
        .map((p) => p.form.id),
    );
    const option = (i: { id: number; name: string }) => ({
      value: i.id,
      label: i.name,
      title: i.name,
    });
    return {
      authorities: (authorities.data ?? []).filter((i) => inForce(i, day)).map(option),
      types: (types.data ?? []).filter((i) => inForce(i, day)).map(option),
      forms: (forms.data ?? []).map((i) => ({
        ...option(i),
        disabled: authorityId !== undefined && !grantable.has(i.id),
      })),
      noPower: !!authorityId && !!powers.data && grantable.size === 0,
      programmes: (programmes.data?.content ?? []).map((p) => ({
        value: p.id,
        label: `${p.number} — ${p.title}`,
        title: p.number,
      })),
      authorityName: (id: number) => authorities.data?.find((i) => i.id === id)?.name,
    };
  }, [authorities.data, forms.data, types.data, powers.data, programmes.data, authorityId, day]);
}
