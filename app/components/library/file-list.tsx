import { useTranslation } from '~/i18n/use-translation';

const KIND_BY_MIME: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
};

export function FileSize({ bytes }: { bytes: number }) {
  const { i18n } = useTranslation();
  const mb = bytes / 1048576;
  const text =
    mb >= 1
      ? `${mb.toLocaleString(i18n.language, { maximumFractionDigits: 1 })} MB`
      : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(i18n.language)} kB`;
  return <span className="muted">({text})</span>;
}

type File = { id: string; fileName: string; mime: string; byteSize: number; thumbnail: boolean };

/** Attachments of a material: a thumbnail for pictures, the name, type and size for all. */
export function FileList({ files }: { files: File[] }) {
  const { t } = useTranslation('library');
  if (!files.length) return null;
  return (
    <section aria-labelledby="attachments-heading" className="section attachments">
      <h2 id="attachments-heading">{t('files.title')}</h2>
      <ul className="file-list">
        {files.map((f) => (
          <li key={f.id}>
            {f.thumbnail ? (
              <img src={`/uploads/${f.id}?size=thumb`} alt="" className="file-list__thumb" />
            ) : null}
            <a href={`/uploads/${f.id}`} download={f.fileName}>
              {f.fileName}
            </a>{' '}
            <span className="muted">{KIND_BY_MIME[f.mime] ?? t('files.document')}</span>{' '}
            <FileSize bytes={f.byteSize} />
          </li>
        ))}
      </ul>
    </section>
  );
}
