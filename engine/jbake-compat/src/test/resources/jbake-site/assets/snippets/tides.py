# Tide heights from the gauge, metres above chart datum.
# tag::reading[]
def reading(gauge):
    return gauge.height() - gauge.datum()
# end::reading[]

print(reading(GAUGE))
