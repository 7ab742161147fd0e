-- Repair segments saved before their filter ranges were bounded (marketing.contract.ts): a month or day count
-- such as 2147483648 was saved, then failed every read of the segment, its list and its campaigns.
-- A lower bound above the limit is clamped to the limit (the segment still means "nobody that old");
-- an upper bound above the limit is removed (an open range means the same as a bound nobody reaches).

UPDATE `segments` SET `filter` = JSON_SET(`filter`, '$.vehicleAgeMonths.min', 1200)
WHERE JSON_EXTRACT(`filter`, '$.vehicleAgeMonths.min') > 1200;
UPDATE `segments` SET `filter` = JSON_REMOVE(`filter`, '$.vehicleAgeMonths.max')
WHERE JSON_EXTRACT(`filter`, '$.vehicleAgeMonths.max') > 1200;

UPDATE `segments` SET `filter` = JSON_SET(`filter`, '$.daysSinceLastService.min', 36500)
WHERE JSON_EXTRACT(`filter`, '$.daysSinceLastService.min') > 36500;
UPDATE `segments` SET `filter` = JSON_REMOVE(`filter`, '$.daysSinceLastService.max')
WHERE JSON_EXTRACT(`filter`, '$.daysSinceLastService.max') > 36500;

UPDATE `segments` SET `filter` = JSON_SET(`filter`, '$.pointsBalance.min', 1000000000)
WHERE JSON_EXTRACT(`filter`, '$.pointsBalance.min') > 1000000000;
UPDATE `segments` SET `filter` = JSON_REMOVE(`filter`, '$.pointsBalance.max')
WHERE JSON_EXTRACT(`filter`, '$.pointsBalance.max') > 1000000000;
