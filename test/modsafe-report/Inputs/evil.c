/* Source whose text looks like markup: the HTML report must show it as text. */
static const char *evil = "</code></pre><script>alert('source')</script>"; /* <b>bold?</b> & co */
int use_evil(void) { return evil[0] == '<'; }
