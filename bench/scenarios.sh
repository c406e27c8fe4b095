# The examples issue 15 measures, as "name|check arguments": sourced by scaling.sh and
# granularity.sh so that both tables speak of the same searches.
scenarios=(
  "hello|examples/hello"
  "abba|examples/abba"
  "irq-vs-process|examples/irq-vs-process --irq 5:2 -DWRITES=2 -DUSE_IRQSAVE"
  "timer-vs-process|examples/timer-vs-process -DWRITES=1 -DTIMER_RUNS=1 -DUSE_BH"
  "prerouting|examples/prerouting-check -DUSE_BH"
)
