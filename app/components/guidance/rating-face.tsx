import { HappyIcon, NeutralIcon, UnhappyIcon, VeryHappyIcon, VeryUnhappyIcon } from '~/components/ui/icons';

const FACES = {
  1: VeryUnhappyIcon,
  2: UnhappyIcon,
  3: NeutralIcon,
  4: HappyIcon,
  5: VeryHappyIcon,
} as const;

/** The face for a resident's rating, 1 (very dissatisfied) to 5; always next to its text label. */
export function RatingFace({ rating }: { rating: number }) {
  const Face = FACES[rating as keyof typeof FACES];
  return Face ? <Face className="face" /> : null;
}
