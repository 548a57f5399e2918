/**
 * What a merchant's server answered, as text (it is theirs, and may be anything). The box scrolls
 * when the answer is long, so it takes focus to be scrolled from the keyboard.
 */
export function AnswerExcerpt({ text }: { readonly text: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable box must take focus to be scrolled by keyboard.
    <pre class="excerpt" tabIndex={0}>
      {text}
    </pre>
  );
}
