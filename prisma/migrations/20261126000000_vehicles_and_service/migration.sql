-- AlterTable
ALTER TABLE `customers` ADD COLUMN `mobile_verified_at` DATETIME(3) NULL;

-- Customers who signed in with an SMS code before this column existed proved their mobile then.
UPDATE `customers` SET `mobile_verified_at` = `consent_at` WHERE `mobile` IS NOT NULL AND `openid` IS NULL AND `consent_at` IS NOT NULL;

-- AlterTable
ALTER TABLE `store_settings` ADD COLUMN `service_slot_minutes` INTEGER NOT NULL DEFAULT 60,
    ADD COLUMN `service_booking_window_days` INTEGER NOT NULL DEFAULT 30,
    ADD COLUMN `service_jobs_per_advisor` INTEGER NOT NULL DEFAULT 2,
    ADD COLUMN `labour_rate_fen` INTEGER NOT NULL DEFAULT 30000;

-- CreateTable
CREATE TABLE `vehicles` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `vin` CHAR(17) NOT NULL,
    `plate` VARCHAR(10) NULL,
    `model_id` INTEGER NOT NULL,
    `trim_id` INTEGER NULL,
    `colour` VARCHAR(32) NULL,
    `options` JSON NULL,
    `owner_id` INTEGER NOT NULL,
    `store_id` INTEGER NOT NULL,
    `sold_by_id` INTEGER NULL,
    `order_id` INTEGER NULL,
    `price_fen` INTEGER NULL,
    `finance_plan` VARCHAR(255) NULL,
    `delivered_at` DATETIME(3) NOT NULL,
    `mileage_km` INTEGER NOT NULL DEFAULT 0,
    `mileage_read_at` DATETIME(3) NOT NULL,
    `insurance_company` VARCHAR(64) NULL,
    `insurance_expires_on` DATE NULL,
    `warranty_ends_on` DATE NULL,
    `warranty_km` INTEGER NULL,
    `bound_at` DATETIME(3) NULL,
    `last_service_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `vehicles_vin_key`(`vin`),
    UNIQUE INDEX `vehicles_plate_key`(`plate`),
    UNIQUE INDEX `vehicles_order_id_key`(`order_id`),
    INDEX `vehicles_model_id_idx`(`model_id`),
    INDEX `vehicles_trim_id_idx`(`trim_id`),
    INDEX `vehicles_owner_id_idx`(`owner_id`),
    INDEX `vehicles_store_id_created_at_idx`(`store_id`, `created_at`),
    INDEX `vehicles_sold_by_id_idx`(`sold_by_id`),
    INDEX `vehicles_delivered_at_idx`(`delivered_at`),
    INDEX `vehicles_insurance_expires_on_idx`(`insurance_expires_on`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `mileage_readings` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `vehicle_id` INTEGER NOT NULL,
    `km` INTEGER NOT NULL,
    `source` ENUM('DELIVERY', 'CHECK_IN', 'OWNER', 'STAFF', 'CORRECTION') NOT NULL,
    `reason` VARCHAR(255) NULL,
    `staff_id` INTEGER NULL,
    `read_at` DATETIME(3) NOT NULL,

    INDEX `mileage_readings_vehicle_id_read_at_idx`(`vehicle_id`, `read_at`),
    INDEX `mileage_readings_staff_id_idx`(`staff_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `service_items` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(32) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `labour_hundredths` INTEGER NOT NULL,
    `sort_order` INTEGER NOT NULL DEFAULT 0,

    UNIQUE INDEX `service_items_code_key`(`code`),
    INDEX `service_items_sort_order_idx`(`sort_order`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `parts` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(32) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `unit` VARCHAR(8) NOT NULL,
    `price_fen` INTEGER NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `parts_code_key`(`code`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `service_item_parts` (
    `item_id` INTEGER NOT NULL,
    `part_id` INTEGER NOT NULL,
    `quantity` INTEGER NOT NULL,

    INDEX `service_item_parts_part_id_idx`(`part_id`),
    PRIMARY KEY (`item_id`, `part_id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `maintenance_rules` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `model_id` INTEGER NOT NULL,
    `item_id` INTEGER NOT NULL,
    `interval_km` INTEGER NULL,
    `interval_months` INTEGER NULL,
    `first_km` INTEGER NULL,
    `first_months` INTEGER NULL,

    UNIQUE INDEX `maintenance_rules_model_id_item_id_key`(`model_id`, `item_id`),
    INDEX `maintenance_rules_item_id_idx`(`item_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `part_stocks` (
    `store_id` INTEGER NOT NULL,
    `part_id` INTEGER NOT NULL,
    `quantity` INTEGER NOT NULL,
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `part_stocks_part_id_idx`(`part_id`),
    PRIMARY KEY (`store_id`, `part_id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `part_stock_movements` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `store_id` INTEGER NOT NULL,
    `part_id` INTEGER NOT NULL,
    `delta` INTEGER NOT NULL,
    `reason` VARCHAR(128) NOT NULL,
    `work_order_id` INTEGER NULL,
    `staff_id` INTEGER NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `part_stock_movements_store_id_part_id_created_at_idx`(`store_id`, `part_id`, `created_at`),
    INDEX `part_stock_movements_part_id_idx`(`part_id`),
    INDEX `part_stock_movements_work_order_id_idx`(`work_order_id`),
    INDEX `part_stock_movements_staff_id_idx`(`staff_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `service_bays` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `store_id` INTEGER NOT NULL,
    `name` VARCHAR(32) NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `service_bays_store_id_idx`(`store_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `service_bookings` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `customer_id` INTEGER NOT NULL,
    `vehicle_id` INTEGER NOT NULL,
    `store_id` INTEGER NOT NULL,
    `service_type` ENUM('MAINTENANCE', 'REPAIR', 'WARRANTY', 'INSPECTION', 'BODY_PAINT') NOT NULL,
    `start_at` DATETIME(3) NOT NULL,
    `end_at` DATETIME(3) NOT NULL,
    `status` ENUM('CONFIRMED', 'CHECKED_IN', 'CANCELLED', 'NO_SHOW') NOT NULL DEFAULT 'CONFIRMED',
    `item_ids` JSON NOT NULL,
    `customer_note` VARCHAR(500) NULL,
    `contact_name` VARCHAR(64) NOT NULL,
    `mobile` VARCHAR(11) NOT NULL,
    `idempotency_key` VARCHAR(160) NULL,
    `active_vehicle_id` INTEGER NULL,
    `booked_by_id` INTEGER NULL,
    `cancelled_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `service_bookings_idempotency_key_key`(`idempotency_key`),
    UNIQUE INDEX `service_bookings_active_vehicle_id_key`(`active_vehicle_id`),
    INDEX `service_bookings_store_id_start_at_idx`(`store_id`, `start_at`),
    INDEX `service_bookings_customer_id_start_at_idx`(`customer_id`, `start_at`),
    INDEX `service_bookings_vehicle_id_start_at_idx`(`vehicle_id`, `start_at`),
    INDEX `service_bookings_booked_by_id_idx`(`booked_by_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `work_orders` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `store_id` INTEGER NOT NULL,
    `vehicle_id` INTEGER NOT NULL,
    `customer_id` INTEGER NOT NULL,
    `booking_id` INTEGER NULL,
    `advisor_id` INTEGER NOT NULL,
    `service_type` ENUM('MAINTENANCE', 'REPAIR', 'WARRANTY', 'INSPECTION', 'BODY_PAINT') NOT NULL,
    `status` ENUM('CHECKED_IN', 'IN_PROGRESS', 'QUALITY_CHECK', 'READY', 'SETTLED') NOT NULL DEFAULT 'CHECKED_IN',
    `check_in_mileage` INTEGER NOT NULL,
    `customer_note` VARCHAR(500) NULL,
    `labour_fen` INTEGER NOT NULL DEFAULT 0,
    `parts_fen` INTEGER NOT NULL DEFAULT 0,
    `total_fen` INTEGER NOT NULL DEFAULT 0,
    `checked_in_at` DATETIME(3) NOT NULL,
    `started_at` DATETIME(3) NULL,
    `quality_checked_at` DATETIME(3) NULL,
    `ready_at` DATETIME(3) NULL,
    `settled_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `work_orders_booking_id_key`(`booking_id`),
    INDEX `work_orders_store_id_status_checked_in_at_idx`(`store_id`, `status`, `checked_in_at`),
    INDEX `work_orders_store_id_checked_in_at_idx`(`store_id`, `checked_in_at`),
    INDEX `work_orders_vehicle_id_idx`(`vehicle_id`),
    INDEX `work_orders_customer_id_checked_in_at_idx`(`customer_id`, `checked_in_at`),
    INDEX `work_orders_advisor_id_idx`(`advisor_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `work_order_items` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `work_order_id` INTEGER NOT NULL,
    `item_id` INTEGER NULL,
    `name` VARCHAR(64) NOT NULL,
    `labour_hundredths` INTEGER NOT NULL,
    `labour_rate_fen` INTEGER NOT NULL,
    `labour_fen` INTEGER NOT NULL,
    `sort_order` INTEGER NOT NULL DEFAULT 0,

    INDEX `work_order_items_work_order_id_idx`(`work_order_id`),
    INDEX `work_order_items_item_id_idx`(`item_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `work_order_parts` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `work_order_item_id` INTEGER NOT NULL,
    `part_id` INTEGER NOT NULL,
    `quantity` INTEGER NOT NULL,
    `unit_price_fen` INTEGER NOT NULL,
    `amount_fen` INTEGER NOT NULL,

    INDEX `work_order_parts_work_order_item_id_idx`(`work_order_item_id`),
    INDEX `work_order_parts_part_id_idx`(`part_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `service_records` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `vehicle_id` INTEGER NOT NULL,
    `store_id` INTEGER NOT NULL,
    `work_order_id` INTEGER NULL,
    `service_type` ENUM('MAINTENANCE', 'REPAIR', 'WARRANTY', 'INSPECTION', 'BODY_PAINT') NOT NULL,
    `mileage_km` INTEGER NOT NULL,
    `serviced_at` DATETIME(3) NOT NULL,
    `labour_fen` INTEGER NOT NULL,
    `parts_fen` INTEGER NOT NULL,
    `total_fen` INTEGER NOT NULL,
    `lines` JSON NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `service_records_work_order_id_key`(`work_order_id`),
    INDEX `service_records_vehicle_id_serviced_at_idx`(`vehicle_id`, `serviced_at`),
    INDEX `service_records_store_id_serviced_at_idx`(`store_id`, `serviced_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `service_record_items` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `record_id` INTEGER NOT NULL,
    `vehicle_id` INTEGER NOT NULL,
    `item_id` INTEGER NOT NULL,

    INDEX `service_record_items_record_id_idx`(`record_id`),
    INDEX `service_record_items_vehicle_id_item_id_idx`(`vehicle_id`, `item_id`),
    INDEX `service_record_items_item_id_idx`(`item_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `domain_events` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `type` VARCHAR(48) NOT NULL,
    `subject_id` INTEGER NOT NULL,
    `payload` JSON NOT NULL,
    `occurred_at` DATETIME(3) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `domain_events_type_subject_id_key`(`type`, `subject_id`),
    INDEX `domain_events_occurred_at_idx`(`occurred_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Settlement takes parts with a conditional update; this makes a negative stock impossible even so.
ALTER TABLE `part_stocks` ADD CONSTRAINT `part_stocks_quantity_not_negative` CHECK (`quantity` >= 0);

-- AddForeignKey
ALTER TABLE `vehicles` ADD CONSTRAINT `vehicles_model_id_fkey` FOREIGN KEY (`model_id`) REFERENCES `vehicle_models`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `vehicles` ADD CONSTRAINT `vehicles_trim_id_fkey` FOREIGN KEY (`trim_id`) REFERENCES `vehicle_trims`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `vehicles` ADD CONSTRAINT `vehicles_owner_id_fkey` FOREIGN KEY (`owner_id`) REFERENCES `customers`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `vehicles` ADD CONSTRAINT `vehicles_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `vehicles` ADD CONSTRAINT `vehicles_sold_by_id_fkey` FOREIGN KEY (`sold_by_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `vehicles` ADD CONSTRAINT `vehicles_order_id_fkey` FOREIGN KEY (`order_id`) REFERENCES `sales_orders`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `mileage_readings` ADD CONSTRAINT `mileage_readings_vehicle_id_fkey` FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `mileage_readings` ADD CONSTRAINT `mileage_readings_staff_id_fkey` FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `service_item_parts` ADD CONSTRAINT `service_item_parts_item_id_fkey` FOREIGN KEY (`item_id`) REFERENCES `service_items`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `service_item_parts` ADD CONSTRAINT `service_item_parts_part_id_fkey` FOREIGN KEY (`part_id`) REFERENCES `parts`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `maintenance_rules` ADD CONSTRAINT `maintenance_rules_model_id_fkey` FOREIGN KEY (`model_id`) REFERENCES `vehicle_models`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `maintenance_rules` ADD CONSTRAINT `maintenance_rules_item_id_fkey` FOREIGN KEY (`item_id`) REFERENCES `service_items`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `part_stocks` ADD CONSTRAINT `part_stocks_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `part_stocks` ADD CONSTRAINT `part_stocks_part_id_fkey` FOREIGN KEY (`part_id`) REFERENCES `parts`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `part_stock_movements` ADD CONSTRAINT `part_stock_movements_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `part_stock_movements` ADD CONSTRAINT `part_stock_movements_part_id_fkey` FOREIGN KEY (`part_id`) REFERENCES `parts`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `part_stock_movements` ADD CONSTRAINT `part_stock_movements_work_order_id_fkey` FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `part_stock_movements` ADD CONSTRAINT `part_stock_movements_staff_id_fkey` FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `service_bays` ADD CONSTRAINT `service_bays_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `service_bookings` ADD CONSTRAINT `service_bookings_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `service_bookings` ADD CONSTRAINT `service_bookings_vehicle_id_fkey` FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `service_bookings` ADD CONSTRAINT `service_bookings_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `service_bookings` ADD CONSTRAINT `service_bookings_booked_by_id_fkey` FOREIGN KEY (`booked_by_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `work_orders` ADD CONSTRAINT `work_orders_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `work_orders` ADD CONSTRAINT `work_orders_vehicle_id_fkey` FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `work_orders` ADD CONSTRAINT `work_orders_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `work_orders` ADD CONSTRAINT `work_orders_booking_id_fkey` FOREIGN KEY (`booking_id`) REFERENCES `service_bookings`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `work_orders` ADD CONSTRAINT `work_orders_advisor_id_fkey` FOREIGN KEY (`advisor_id`) REFERENCES `staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `work_order_items` ADD CONSTRAINT `work_order_items_work_order_id_fkey` FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `work_order_items` ADD CONSTRAINT `work_order_items_item_id_fkey` FOREIGN KEY (`item_id`) REFERENCES `service_items`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `work_order_parts` ADD CONSTRAINT `work_order_parts_work_order_item_id_fkey` FOREIGN KEY (`work_order_item_id`) REFERENCES `work_order_items`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `work_order_parts` ADD CONSTRAINT `work_order_parts_part_id_fkey` FOREIGN KEY (`part_id`) REFERENCES `parts`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `service_records` ADD CONSTRAINT `service_records_vehicle_id_fkey` FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `service_records` ADD CONSTRAINT `service_records_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `service_records` ADD CONSTRAINT `service_records_work_order_id_fkey` FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `service_record_items` ADD CONSTRAINT `service_record_items_record_id_fkey` FOREIGN KEY (`record_id`) REFERENCES `service_records`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `service_record_items` ADD CONSTRAINT `service_record_items_vehicle_id_fkey` FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `service_record_items` ADD CONSTRAINT `service_record_items_item_id_fkey` FOREIGN KEY (`item_id`) REFERENCES `service_items`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
