import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { notFound } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { SlotFormPage } from '~/components/roster/slot-fields';
import { requireSlotKeeper } from '~/domain/roster/guards.server';
import { SlotSchema } from '~/domain/roster/schema.server';
import {
  findSlot,
  mayManageSlot,
  saveSlot,
  slotFormValues,
  slotOrganisations,
} from '~/domain/roster/slots.server';
import { redirectDone } from '~/utils/done-cookie.server';
import { invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { subPageTitle } from '~/utils/meta';
import { isUuid } from '~/utils/ids';

/** Changing a help time: its days, hours, exceptions, languages and staffing. */
async function requireSlot(request: Request, slug: string | undefined, id: string | undefined) {
  const { user, point } = await requireSlotKeeper(request, slug);
  const slot = isUuid(id ?? '') ? await findSlot(id ?? '') : null;
  if (!slot || slot.supportPointId !== point.id || !mayManageSlot(user, slot.organisationId))
    throw notFound();
  return { user, point, slot };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, point, slot } = await requireSlot(request, params.slug, params.id);
  return json({
    point: { name: point.name, slug: point.slug },
    stored: slotFormValues(slot),
    organisations: await slotOrganisations(user),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, point, slot } = await requireSlot(request, params.slug, params.id);
  const parsed = parseForm(SlotSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await saveSlot(user, point.id, slot.id, parsed.data, requestMeta(request, context));
  if (!result.ok) return refused(result, parsed.values);
  return redirectDone(`/support-points/${point.slug}#help-times`, 'roster:slot.saved');
}

export default function EditSlotPage() {
  const { point, stored, organisations } = useLoaderData<typeof loader>();
  const { t } = useTranslation('roster');
  return (
    <SlotFormPage
      title={t('slot.editTitle', { name: point.name })}
      point={point}
      stored={stored}
      organisations={organisations}
    />
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  subPageTitle(matches, 'roster:slot.edit', data?.point.name);
