/** Basira's mark (public/icon/basira.svg) inline, so it needs no request and no image decode. */
export function Logo({ size = 24 }: { size?: number }) {
  return (
    <svg class="logo" viewBox="0 0 128 128" width={size} height={size} aria-hidden="true" focusable="false">
      <rect x="4" y="4" width="120" height="120" rx="28" fill="#0F4C5C" />
      <path d="M14 64 C34 30 94 30 114 64 C94 98 34 98 14 64 Z" fill="#F7F3E8" />
      <circle cx="64" cy="64" r="22" fill="#E3A008" />
      <circle cx="64" cy="64" r="15" fill="none" stroke="#0F4C5C" stroke-width="4" />
      <circle cx="64" cy="64" r="6" fill="#0F4C5C" />
    </svg>
  );
}
