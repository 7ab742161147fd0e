-- A mobile typed into a test-drive booking used to be attached to the booking customer's own WeChat row:
-- rows with an openid and a mobile never proven by SMS (mobile_verified_at IS NULL). Such a row could then
-- absorb the real owner of that mobile (their leads, their cars, their first SMS login). Each one gives the
-- mobile up to a new contact record (no openid), which takes what came by that mobile: the leads (open ones
-- get their open-lead key "customerId:storeId" recomputed), the cars registered to it, and those cars'
-- service bookings and work orders. Test-drive bookings stay with the WeChat row (each keeps its mobile).
CREATE TEMPORARY TABLE unverified_mobiles (
  customer_id INT NOT NULL PRIMARY KEY,
  mobile VARCHAR(11) NOT NULL,
  contact_name VARCHAR(64) NULL,
  became_owner_at DATETIME(3) NULL
);
CREATE TEMPORARY TABLE mobile_contacts (
  customer_id INT NOT NULL PRIMARY KEY,
  contact_id INT NOT NULL
);

START TRANSACTION;

-- The contact's name is the one typed with that mobile (its latest lead, else its first booking).
INSERT INTO unverified_mobiles (customer_id, mobile, contact_name, became_owner_at)
SELECT c.id, c.mobile,
  COALESCE(
    (SELECT l.name FROM leads l WHERE l.customer_id = c.id ORDER BY l.id DESC LIMIT 1),
    (SELECT b.contact_name FROM test_drive_bookings b WHERE b.customer_id = c.id AND b.mobile = c.mobile ORDER BY b.id LIMIT 1)
  ),
  c.became_owner_at
FROM customers c
WHERE c.openid IS NOT NULL AND c.mobile IS NOT NULL AND c.mobile_verified_at IS NULL;

-- A WeChat row without a proven mobile became an owner only through cars registered to that mobile.
UPDATE customers c JOIN unverified_mobiles u ON u.customer_id = c.id
SET c.mobile = NULL, c.became_owner_at = NULL, c.updated_at = NOW(3);

INSERT INTO customers (mobile, name, became_owner_at, created_at, updated_at)
SELECT u.mobile, u.contact_name, u.became_owner_at, NOW(3), NOW(3) FROM unverified_mobiles u;

INSERT INTO mobile_contacts (customer_id, contact_id)
SELECT u.customer_id, c.id FROM unverified_mobiles u JOIN customers c ON c.mobile = u.mobile;

UPDATE leads l JOIN mobile_contacts m ON m.customer_id = l.customer_id
SET l.customer_id = m.contact_id,
    l.open_key = IF(l.open_key IS NULL, NULL, CONCAT(m.contact_id, ':', l.store_id)),
    l.updated_at = NOW(3);

UPDATE vehicles v JOIN mobile_contacts m ON m.customer_id = v.owner_id
SET v.owner_id = m.contact_id, v.updated_at = NOW(3);

UPDATE service_bookings sb JOIN mobile_contacts m ON m.customer_id = sb.customer_id
SET sb.customer_id = m.contact_id, sb.updated_at = NOW(3);

UPDATE work_orders w JOIN mobile_contacts m ON m.customer_id = w.customer_id
SET w.customer_id = m.contact_id, w.updated_at = NOW(3);

COMMIT;

DROP TEMPORARY TABLE unverified_mobiles;
DROP TEMPORARY TABLE mobile_contacts;
