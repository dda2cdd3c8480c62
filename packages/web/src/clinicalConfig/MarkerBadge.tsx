import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { configMarkerLabel } from '../i18n/labels';

interface MarkerBadgeProps {
  marker: string;
}

/** "Niet bevestigd" or "Afgeleid", in words; the colour only repeats what the words say. */
export function MarkerBadge({ marker }: MarkerBadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={marker === 'INFERRED' ? 'blue' : 'orange'} variant="light" tt="none" data-marker={marker}>
      {configMarkerLabel(t, marker)}
    </Badge>
  );
}
