import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, type LinkProps } from '@tanstack/react-router';

interface PortalLinkCardProps {
  /** The heading's id, which names the card's region. */
  id: string;
  title: string;
  text: string;
  to: LinkProps['to'];
  open: string;
}

/** One of the portal home's ways on: a titled card with a line of text and a button to the page. */
export function PortalLinkCard({ id, title, text, to, open }: PortalLinkCardProps) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <Text>{text}</Text>
        <Button component={Link} to={to} variant="light">
          {open}
        </Button>
      </Stack>
    </Paper>
  );
}
