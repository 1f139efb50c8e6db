import { formatDate } from '~/i18n/format';
import type { ChartKey } from './constants';

// What a dashboard row is called, for the page and for the CSV alike (one wording).

type T = (key: string, values?: Record<string, unknown>) => string;

const LIST_OF: Partial<Record<ChartKey, string>> = {
  device: 'devices',
  topic: 'topics',
  channel: 'channels',
  serviceLevel: 'serviceLevelsShort',
  outcome: 'outcomes',
  ageGroup: 'ageGroups',
};

const NONE: Partial<Record<ChartKey, string>> = {
  supportPoint: 'charts.noSupportPoint',
  eservice: 'charts.noEService',
  ageGroup: 'charts.notGiven',
};

export type LabelContext = {
  language: string;
  interval: 'week' | 'month';
  /** The reports namespace. */
  t: T;
  /** The profile namespace (language names). */
  tp: T;
};

export function rowLabel(chart: ChartKey, row: { key: string; name?: string }, ctx: LabelContext): string {
  const { t, tp } = ctx;
  if (row.key === 'none') return t(NONE[chart] ?? 'charts.notGiven');
  if (row.name) return row.name;
  switch (chart) {
    case 'time':
      return periodLabel(row.key, ctx.interval, ctx.language, t);
    case 'language':
      return row.key === 'other' ? t('form.otherLanguage') : tp(`languages.${row.key}`);
    case 'satisfaction':
      return t(`resident.ratings.${row.key}`);
    default: {
      const list = LIST_OF[chart];
      return list ? t(`${list}.${row.key}`) : row.key;
    }
  }
}

const MONTH_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** A week (its Monday) or a month (its first day) of the time chart, in the reader's language. */
export function periodLabel(key: string, interval: 'week' | 'month', language: string, t: T): string {
  if (interval === 'week') return t('charts.weekOf', { date: formatDate(key, language) });
  const tag = language === 'sv' ? 'sv-FI' : language === 'en' ? 'en-GB' : 'fi-FI';
  let format = MONTH_FORMATS.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', month: 'long', year: 'numeric' });
    MONTH_FORMATS.set(tag, format);
  }
  return format.format(new Date(`${key}T00:00:00Z`));
}
