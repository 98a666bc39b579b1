/// The UTC days (days since 1970-01-01) that began right after a leap second: the 27 positive leap
/// seconds announced by the IERS from 1972 to 2016, the last at the end of 2016-12-31.
///
/// Stata's `%tC` counts them (its `%tc` does not): `Cofc()` in Stata. Reference: IERS Bulletin C;
/// Stata's `help datetime`, "Why there are two SIF datetime encodings".
let _leapSecondDays: [Int] = [
  912, 1096, 1461, 1826, 2191, 2557, 2922, 3287, 3652, 4199, 4564, 4929, 5660, 6574, 7305, 7670,
  8217, 8582, 8947, 9496, 10043, 10592, 13149, 14245, 15522, 16617, 17167,
]

/// The %tC values, in milliseconds since 1960-01-01T00:00, at which each leap second has passed:
/// the %tc value of the following midnight plus one second for it and each earlier one.
let _leapSecondThresholds: [Double] = _leapSecondDays.enumerated().map { index, day in
  (Double(day) * 86_400 + _TemporalFormat.seconds1960To1970 + Double(index + 1)) * 1000
}

/// The number of leap seconds a Stata `%tC` value of `milliseconds` has counted: those whose
/// following midnight it has reached. A value inside a leap second itself (23:59:60) counts it
/// not yet, so it converts to the first second of the next day.
func _leapSeconds(before milliseconds: Double) -> Double {
  var count = 0
  while count < _leapSecondThresholds.count && milliseconds >= _leapSecondThresholds[count] {
    count += 1
  }
  return Double(count)
}
