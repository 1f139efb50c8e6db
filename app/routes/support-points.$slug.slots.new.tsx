import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { requestMeta } from '~/auth/request-meta.server';
import { SlotFormPage } from '~/components/roster/slot-fields';
import { requireSlotKeeper } from '~/domain/roster/guards.server';
import { SlotSchema } from '~/domain/roster/schema.server';
import { newSlotValues, saveSlot, slotOrganisations } from '~/domain/roster/slots.server';
import { redirectDone } from '~/utils/done-cookie.server';
import { invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { subPageTitle } from '~/utils/meta';

/** A coordinator or org admin adds a recurring help time at a point. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, point } = await requireSlotKeeper(request, params.slug);
  return json({
    point: { name: point.name, slug: point.slug },
    stored: newSlotValues(user, point),
    organisations: await slotOrganisations(user),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, point } = await requireSlotKeeper(request, params.slug);
  const parsed = parseForm(SlotSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await saveSlot(user, point.id, null, parsed.data, requestMeta(request, context));
  if (!result.ok) return refused(result, parsed.values);
  return redirectDone(`/support-points/${point.slug}#help-times`, 'roster:slot.saved');
}

export default function NewSlotPage() {
  const { point, stored, organisations } = useLoaderData<typeof loader>();
  const { t } = useTranslation('roster');
  return (
    <SlotFormPage
      title={t('slot.newTitle', { name: point.name })}
      point={point}
      stored={stored}
      organisations={organisations}
    />
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  subPageTitle(matches, 'roster:slot.new', data?.point.name);
