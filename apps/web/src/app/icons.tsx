/**
 * Small inline icons (the media glyphs ⏸ ⏮ ⏭ are missing from many system fonts, and
 * a projector needs them crisp). They take the text colour; the buttons keep their words.
 */
import type { ReactNode } from 'react';

function Svg({ children }: { readonly children: ReactNode }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const IconPlay = () => (
  <Svg>
    <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
  </Svg>
);
export const IconPause = () => (
  <Svg>
    <rect x="3.5" y="2.5" width="3" height="11" rx="0.6" fill="currentColor" />
    <rect x="9.5" y="2.5" width="3" height="11" rx="0.6" fill="currentColor" />
  </Svg>
);
export const IconStep = () => (
  <Svg>
    <path d="M3 2.5v11l7.5-5.5z" fill="currentColor" />
    <rect x="11" y="2.5" width="2.2" height="11" rx="0.5" fill="currentColor" />
  </Svg>
);
export const IconStepBack = () => (
  <Svg>
    <path d="M13 2.5v11L5.5 8z" fill="currentColor" />
    <rect x="2.8" y="2.5" width="2.2" height="11" rx="0.5" fill="currentColor" />
  </Svg>
);
export const IconFirst = () => (
  <Svg>
    <path d="M14 3v10L8.5 8zM8.5 3v10L3 8z" fill="currentColor" />
    <rect x="1.5" y="3" width="1.6" height="10" fill="currentColor" />
  </Svg>
);
export const IconLast = () => (
  <Svg>
    <path d="M2 3v10l5.5-5zM7.5 3v10L13 8z" fill="currentColor" />
    <rect x="12.9" y="3" width="1.6" height="10" fill="currentColor" />
  </Svg>
);
export const IconContinue = () => (
  <Svg>
    <path d="M1.5 3v10L8 8zM8 3v10l6.5-5z" fill="currentColor" />
  </Svg>
);
export const IconRunTo = () => (
  <Svg>
    <path d="M1.5 8h8.5M7 4.5 10.5 8 7 11.5" stroke="currentColor" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    <rect x="12" y="2.5" width="2.2" height="11" rx="0.5" fill="currentColor" />
  </Svg>
);
export const IconDot = () => (
  <Svg>
    <circle cx="8" cy="8" r="4.5" fill="currentColor" />
  </Svg>
);
export const IconFollow = () => (
  <Svg>
    <path d="M2 8h9M8 4.5 11.5 8 8 11.5" stroke="currentColor" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    <rect x="12.5" y="2.5" width="2" height="11" rx="0.5" fill="currentColor" />
  </Svg>
);
